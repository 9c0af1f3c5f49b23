import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, STEP_TIMEOUT } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { expect, test } from '../support/test';
import { startMerchant } from '../flow/merchant';

// A preloaded frame of the production checkout is drawn as the overlay it will be shown as, so
// opening it in the browser's language restyles nothing: no attribute of the page's root element
// (language, direction, theme, embed mode) changes value, and the card does not move.
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });

/** In the checkout frame: every change of value of an attribute on <html>, from the start. */
const ROOT_CHANGES = `(() => {
  if (!location.pathname.startsWith('/embed/checkout')) return;
  const changes = (window.__rootChanges = []);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target !== document.documentElement) continue;
      const now = r.target.getAttribute(r.attributeName);
      if (now !== r.oldValue) changes.push(r.attributeName + ': ' + r.oldValue + ' -> ' + now);
    }
  }).observe(document, { attributes: true, attributeOldValue: true, subtree: true });
})();`;

test('given a preloaded frame, then it is laid out as the overlay, and opening it in English changes nothing on its root element', async ({ page }) => {
  await page.addInitScript(ROOT_CHANGES);
  await page.goto(`${servers.merchant.url}/`);
  await page.evaluate((base) => (window as unknown as { LavaCheckout: { preload(b: string): void } }).LavaCheckout.preload(base), servers.sandbox.base);
  const frame = checkoutFrame(page);
  await expect(frame.getByRole('heading', { name: 'Enter your phone number' })).toBeAttached({ timeout: STEP_TIMEOUT });
  const checkout = page.frames().find((f) => f.url().includes('/embed/checkout'))!;
  const cardBox = () =>
    checkout.evaluate(() => {
      const box = document.querySelector('.lava-card')!.getBoundingClientRect();
      return { left: Math.round(box.left), right: Math.round(innerWidth - box.right), width: Math.round(box.width) };
    });
  const warm = await cardBox();
  // The overlay's card: centred, at most 440 px wide.
  expect(warm.width).toBeLessThanOrEqual(440);
  expect(Math.abs(warm.left - warm.right)).toBeLessThanOrEqual(1);
  const warmChanges = await checkout.evaluate(() => (window as unknown as { __rootChanges: string[] }).__rootChanges.length);

  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding' });
  await page.evaluate((token) => (window as unknown as { LavaCheckout: { open(t: string): unknown } }).LavaCheckout.open(token), session.token);
  await expect(frame.getByLabel('Phone number', { exact: true })).toBeFocused({ timeout: STEP_TIMEOUT });
  // The appearance and strings are drawn again a task after focus, and the merchant's name once
  // start answers.
  await expect(frame.getByText('Acme AI uses Lava for billing', { exact: false })).toBeVisible({ timeout: STEP_TIMEOUT });

  const changes = await checkout.evaluate(() => (window as unknown as { __rootChanges: string[] }).__rootChanges);
  expect(changes.slice(warmChanges)).toEqual([]);
  expect(await cardBox()).toEqual(warm);
});
