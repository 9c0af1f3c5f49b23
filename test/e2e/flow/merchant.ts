import type { Page } from '@playwright/test';
import type { CheckoutServers } from '../support/checkout-servers';
import { type MerchantPage, startMerchantPages } from '../support/merchant-pages';
import type { SandboxProcess } from '../support/sandbox-process';
import type { CreatedSession, CreateSessionInput } from '../support/sandbox-rest';
import type { StaticServer } from '../support/static-server';

// The checkout's steps live in support/; re-exported for the specs that import them from here.
export {
  checkoutFrame,
  chooseAmount,
  continueToPayment,
  createWallet,
  fillCard,
  payButton,
  STEP_TIMEOUT,
  verifyPhone,
} from '../support/checkout-steps';
export { pressClose, pressEscape } from '../support/checkout-close';
export { type LogEntry, merchantLog } from '../support/merchant-log';

/**
 * The merchant's side: pages on `localhost` (the checkout runs on 127.0.0.1, another origin).
 * `/` loads the script-tag host SDK from dist/ and records every callback; `/legacy.html`
 * embeds the checkout exactly as the published 0.1.3 hook does.
 */
const MODERN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Merchant</title></head>
<body>
<h1>Merchant page</h1>
<script src="/dist/lava-checkout.iife.js"></script>
<script>
  window.__log = [];
  window.openCheckout = (token, options) => {
    window.LavaCheckout.open(token, {
      ...(options || {}),
      onSuccess: (r) => window.__log.push({ kind: 'success', ...r }),
      onCancel: (r) => window.__log.push({ kind: 'cancel', ...r }),
      onError: (e) => window.__log.push({ kind: 'error', code: e.code, checkoutSessionId: e.checkoutSessionId }),
      onEvent: (e) => window.__log.push({ kind: 'event', ...e }),
    });
  };
</script>
</body></html>`;

// The body of @lavapayments/checkout@0.1.3's useLavaCheckout effect, without React.
export const LEGACY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Legacy merchant</title></head>
<body>
<h1>Legacy merchant page</h1>
<script>
  window.__log = [];
  window.openLegacy = (checkoutSessionToken) => {
    const checkoutSession = JSON.parse(atob(checkoutSessionToken));
    if (!checkoutSession.secret || !checkoutSession.base) throw new Error('Invalid checkout session token');
    let iframe = document.createElement('iframe');
    iframe.src = checkoutSession.base + 'embed/checkout/' + checkoutSession.secret;
    iframe.style.width = '100%';
    iframe.style.height = '100%';
    iframe.style.margin = 'auto';
    iframe.style.border = 'none';
    iframe.style.position = 'fixed';
    iframe.style.top = '0';
    iframe.style.left = '0';
    iframe.style.right = '0';
    iframe.style.bottom = '0';
    iframe.style.backgroundColor = 'transparent';
    iframe.style.zIndex = '2147483647';
    iframe.referrerPolicy = 'no-referrer';
    iframe.setAttribute('sandbox', 'allow-forms allow-scripts allow-same-origin');
    document.body.appendChild(iframe);
    function handleMessage(e) {
      window.__log.push({ origin: e.origin, data: e.data });
      switch (e.data && e.data.type) {
        case 'lava_checkout_success':
        case 'lava_checkout_cancel':
          window.removeEventListener('message', handleMessage);
          document.body.removeChild(iframe);
          iframe = null;
          break;
      }
    }
    window.addEventListener('message', handleMessage, false);
  };
</script>
</body></html>`;

const PAGES: Record<string, MerchantPage> = { '/': { body: MODERN_PAGE }, '/legacy.html': { body: LEGACY_PAGE } };

export function startMerchant(): Promise<StaticServer> {
  return startMerchantPages(PAGES);
}

/** Open the checkout for `token` through the host SDK's `open()` on the page at `/`. */
export async function openCheckout(page: Page, token: string): Promise<void> {
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), token);
}

/** The merchant page at `/`, a new session for its origin, and the checkout opened for it. */
export async function openNewSession(
  page: Page,
  { sandbox, merchant }: CheckoutServers<SandboxProcess>,
  input: Omit<CreateSessionInput, 'origin'>,
): Promise<CreatedSession> {
  await page.goto(`${merchant.url}/`);
  const session = await sandbox.createSession({ origin: merchant.url, ...input });
  await openCheckout(page, session.token);
  return session;
}
