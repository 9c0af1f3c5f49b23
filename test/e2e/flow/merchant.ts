import { resolve } from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { type StaticServer, startStaticServer } from '../support/static-server';

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
const LEGACY_PAGE = `<!doctype html>
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

export async function startMerchant(): Promise<StaticServer> {
  return startStaticServer({
    host: 'localhost',
    roots: { '/dist/': resolve('dist') },
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const html = path === '/' ? MODERN_PAGE : path === '/legacy.html' ? LEGACY_PAGE : null;
      if (html === null) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return true;
    },
  });
}

export type LogEntry = Record<string, unknown> & { kind?: string };

export function merchantLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() => (window as unknown as { __log: LogEntry[] }).__log);
}

export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[src*="/embed/checkout"]');
}

export const STEP_TIMEOUT = 15_000;

/*
 * Closing removes the cross-origin frame. When that happens while Playwright's real input event
 * is still waiting for the frame's acknowledgement, the input call never returns, so the two
 * closing gestures are dispatched inside the frame instead (the app's own handlers still run).
 */

/** Press the dialog's close button. */
export async function pressClose(frame: FrameLocator, which: 'first' | 'last' = 'first'): Promise<void> {
  const buttons = frame.getByRole('button', { name: 'Close checkout' });
  await ignoreDetach((which === 'first' ? buttons.first() : buttons.last()).evaluate((button) => (button as HTMLButtonElement).click()));
}

/** Press Escape on the element that has focus. */
export async function pressEscape(frame: FrameLocator): Promise<void> {
  await ignoreDetach(
    frame.locator('body').evaluate((body) => {
      const target = body.ownerDocument.activeElement ?? body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    }),
  );
}

/** The gesture worked if the frame went away before the answer came back. */
async function ignoreDetach(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!String(error).includes('Frame was detached')) throw error;
  }
}

/** Phone (a sandbox test number) -> code 000000 (auto-submits on the sixth digit). */
export async function verifyPhone(frame: FrameLocator, nationalUs: string): Promise<void> {
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  await number.pressSequentially(nationalUs);
  await frame.getByRole('button', { name: 'Send code' }).click();
  const code = frame.getByLabel('Verification code');
  await expect(code).toBeVisible({ timeout: STEP_TIMEOUT });
  await code.fill('000000');
}

export async function createWallet(frame: FrameLocator, first: string): Promise<void> {
  const field = frame.getByLabel('First name');
  await expect(field).toBeVisible({ timeout: STEP_TIMEOUT });
  await field.fill(first);
  await frame.getByLabel('Last name').fill('Tester');
  await frame.getByLabel('Email').fill(`${first.toLowerCase()}@example.com`);
  await frame.getByRole('button', { name: 'Create wallet' }).click();
}

export async function chooseAmount(frame: FrameLocator, amount: string): Promise<void> {
  const custom = frame.getByLabel('Other amount (USD)');
  await expect(custom).toBeVisible({ timeout: STEP_TIMEOUT });
  await custom.fill(amount);
  await frame.getByRole('button', { name: 'Continue to payment' }).click();
}

export async function continueToPayment(frame: FrameLocator): Promise<void> {
  const next = frame.getByRole('button', { name: 'Continue to payment' });
  await expect(next).toBeVisible({ timeout: STEP_TIMEOUT });
  await next.click();
}

export async function fillCard(frame: FrameLocator, number: string): Promise<void> {
  const field = frame.getByLabel('Card number');
  await expect(field).toBeVisible({ timeout: STEP_TIMEOUT });
  await field.fill(number);
  await frame.getByLabel('Expiry (MM/YY)').fill('12 / 34');
  await frame.getByLabel('CVC').fill('123');
}

export function payButton(frame: FrameLocator) {
  return frame.getByRole('button', { name: /^(Pay|Subscribe)/ });
}
