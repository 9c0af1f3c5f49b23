import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { encodeToken } from '../../../src/contract/token';
import { type HostServers, startHostServers } from './servers';

let servers: HostServers;
const FAST = [50, 100, 200];

test.beforeAll(async () => {
  servers = await startHostServers(() => encodeToken({ secret: 'cs_e2e_script_0123456789', base: `${servers.checkout.url}/` }));
});
test.afterAll(async () => {
  await servers?.close();
});

type Log = Array<[string, string, unknown]>;
const log = (page: Page) => page.evaluate(() => (window as unknown as { log: Log }).log);
const checkoutFrame = (page: Page) => page.frameLocator('iframe[title="Lava checkout"]');

test('script tag: no React on the page, window.LavaCheckout exists, and a declarative button runs a checkout with DOM events', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/script.html`);
  expect(await page.evaluate(() => typeof (window as unknown as { React?: unknown }).React)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { LavaCheckout: object }).LavaCheckout).sort())).toEqual([
    'LavaCheckoutError',
    'getResult',
    'mount',
    'open',
    'preload',
  ]);
  await page.getByRole('button', { name: 'Buy credits' }).click();
  await expect(checkoutFrame(page).locator('#state')).toHaveText(/^init /);
  await checkoutFrame(page)
    .locator('#pay')
    .evaluate((button) => setTimeout(() => (button as HTMLElement).click()));
  await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['lava:success', 'buy', expect.objectContaining({ status: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]);
  const entries = await log(page);
  expect(entries).toContainEqual(['lava:event', 'buy', expect.objectContaining({ type: 'step', step: 'phone', seq: 1 })]);
  expect(entries.filter(([kind]) => kind === 'csp')).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('script tag: a button with data-lava-checkout-preload warms the checkout when the pointer comes over it, and the click opens in that frame', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/checkout')) asked.push(request.method());
  });
  await page.goto(`${servers.merchant.url}/script.html`);
  const buy = page.getByRole('button', { name: 'Buy credits' });
  await buy.evaluate((button, base) => button.setAttribute('data-lava-checkout-preload', base), `${servers.checkout.url}/`);
  await expect(page.locator('iframe')).toHaveCount(0);
  await buy.hover();
  // Warm: the checkout page loads hidden and inert; no session is asked for yet.
  const iframe = page.locator('iframe[title="Lava checkout"]');
  await expect(iframe).toHaveCount(1);
  expect(await iframe.getAttribute('src')).toBe(`${servers.checkout.url}/embed/checkout`);
  await expect(checkoutFrame(page).locator('#state')).toHaveText(/^connected/);
  expect(await iframe.evaluate((frame) => (frame.parentElement as HTMLElement).inert)).toBe(true);
  expect(asked).toEqual([]);
  const warm = await iframe.elementHandle();
  await buy.click();
  await expect(checkoutFrame(page).locator('#state')).toHaveText(/^init /);
  expect(asked).toEqual(['POST']);
  await expect(page.locator('iframe')).toHaveCount(1);
  expect(await iframe.evaluate((frame, earlier) => frame === earlier, warm)).toBe(true);
});

test('script tag: window.LavaCheckout.open(token, callbacks) works without the button', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/script.html`);
  const token = encodeToken({ secret: 'cs_e2e_script_0123456789', base: `${servers.checkout.url}/` });
  await page.evaluate((t) => {
    const w = window as unknown as { LavaCheckout: { open(t: string, o: object): void }; log: unknown[] };
    w.LavaCheckout.open(t, { onCancel: (detail: unknown) => w.log.push(['cancel', 'api', detail]) });
  }, token);
  await checkoutFrame(page)
    .locator('#cancel')
    .evaluate((button) => setTimeout(() => (button as HTMLElement).click()));
  await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['cancel', 'api', expect.objectContaining({ status: 'cancel', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]);
});

test.describe('script tag by its UMD name (dist/lava-checkout.umd.js)', () => {
  const API = ['LavaCheckoutError', 'getResult', 'mount', 'open', 'preload'];

  test('as a plain <script>, it sets window.LavaCheckout and open runs a checkout to its cancel', async ({ page }) => {
    await page.goto(`${servers.merchant.url}/script.html`);
    // The page loaded the old name; load the new one over it, as a page switching names would.
    await page.evaluate(() => delete (window as { LavaCheckout?: unknown }).LavaCheckout);
    await page.addScriptTag({ url: `${servers.merchant.url}/dist/lava-checkout.umd.js` });
    expect(await page.evaluate(() => Object.keys((window as unknown as { LavaCheckout: object }).LavaCheckout).sort())).toEqual(API);
    const token = encodeToken({ secret: 'cs_e2e_script_0123456789', base: `${servers.checkout.url}/` });
    await page.evaluate((t) => {
      const w = window as unknown as { LavaCheckout: { open(t: string, o: object): void }; log: unknown[] };
      w.LavaCheckout.open(t, { onCancel: (detail: unknown) => w.log.push(['cancel', 'umd', detail]) });
    }, token);
    await checkoutFrame(page)
      .locator('#cancel')
      .evaluate((button) => setTimeout(() => (button as HTMLElement).click()));
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['cancel', 'umd', expect.objectContaining({ status: 'cancel' })]);
  });

  test('under an AMD loader, the module it defines is the API, the same object as window.LavaCheckout', async ({ page }) => {
    await page.goto(`${servers.merchant.url}/index.html`);
    await page.evaluate(() => {
      const w = window as unknown as { define: ((deps: string[], factory: () => unknown) => void) & { amd: object }; amdModule?: unknown };
      w.define = Object.assign(
        (_deps: string[], factory: () => unknown) => {
          w.amdModule = factory();
        },
        { amd: {} },
      );
    });
    await page.addScriptTag({ url: `${servers.merchant.url}/dist/lava-checkout.umd.js` });
    const found = await page.evaluate(() => {
      const w = window as unknown as { amdModule: object; LavaCheckout: object };
      return { keys: Object.keys(w.amdModule).sort(), same: w.amdModule === w.LavaCheckout };
    });
    expect(found).toEqual({ keys: API, same: true });
  });
});
