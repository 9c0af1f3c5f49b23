import type { Locator, Page } from '@playwright/test';
import { STEP_TIMEOUT } from '../support/merchant-log';
import { startMerchantPages } from '../support/merchant-pages';
import { expect } from '../support/test';
import type { StaticServer } from '../support/static-server';

/**
 * A merchant page on `localhost` (the checkout is on 127.0.0.1): the script-tag SDK from dist/,
 * a "Subscribe" button that opens the checkout for `window.__token`, and a log of callbacks.
 * Its onCloseAttempt keeps the checkout open while `window.__keepOpen` is true.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Merchant</title></head>
<body>
<h1>Acme AI</h1>
<button type="button" id="subscribe">Subscribe</button>
<script src="/dist/lava-checkout.iife.js"></script>
<script>
  window.__log = [];
  document.getElementById('subscribe').addEventListener('click', () => {
    window.LavaCheckout.open(window.__token, {
      appearance: window.__appearance || {},
      onSuccess: (r) => window.__log.push({ kind: 'success', ...r }),
      onCancel: (r) => window.__log.push({ kind: 'cancel', ...r }),
      onError: (e) => window.__log.push({ kind: 'error', code: e.code }),
      onEvent: (e) => window.__log.push({ kind: 'event', ...e }),
      onCloseAttempt: () => {
        window.__log.push({ kind: 'close_asked' });
        return window.__keepOpen ? false : undefined;
      },
    });
  });
</script>
</body></html>`;

export function startMerchantPage(): Promise<StaticServer> {
  return startMerchantPages({ '/': { body: PAGE } });
}

export async function setToken(page: Page, token: string, appearance: { theme?: 'light' | 'dark' } = {}): Promise<void> {
  await page.evaluate(
    ([value, look]) => {
      Object.assign(window, { __token: value, __appearance: look });
    },
    [token, appearance] as const,
  );
}

export { checkoutFrame, type LogEntry, merchantLog, STEP_TIMEOUT } from '../support/merchant-log';

/** Does `target` (in the page or in the checkout frame) hold keyboard focus? */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === el.ownerDocument.activeElement);
}

/** Press Tab (bounded) until `target` has focus: proves it is reachable by keyboard, in tab order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 25): Promise<void> {
  await expect(target).toBeVisible({ timeout: STEP_TIMEOUT });
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  expect(await isFocused(target), `Tab never reached ${target}`).toBe(true);
}
