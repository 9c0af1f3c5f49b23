import type { Page } from '@playwright/test';
import { expect, expectPageError, test } from '../support/test';
import { encodeToken } from '../../../src/contract/token';
import { ignoreDetach } from '../support/checkout-close';
import { checkoutFrame } from '../support/merchant-log';
import { type HostServers, startHostServers } from './servers';

const SECRET = 'cs_e2e_secret_0123456789';
let servers: HostServers;
const FAST = [50, 100, 200];
const tokenFor = (base = servers.checkout.url) => encodeToken({ secret: SECRET, base: `${base}/` });

test.beforeAll(async () => {
  servers = await startHostServers(() => tokenFor());
});
test.afterAll(async () => {
  await servers?.close();
});

type Log = Array<[string, unknown]>;
const log = (page: Page) => page.evaluate(() => (window as unknown as { log: Log }).log);
const kinds = async (page: Page) => (await log(page)).map(([kind]) => kind);
/**
 * Click a button of the fake checkout. Scheduled inside the frame: a terminal message removes the
 * frame mid-click, sometimes before Playwright has finished with the button it evaluated on.
 */
const press = (page: Page, selector: string) =>
  ignoreDetach(
    checkoutFrame(page)
      .locator(selector)
      .evaluate((button) => setTimeout(() => (button as HTMLElement).click())),
  );

async function openMerchant(page: Page, token = tokenFor(), options: Record<string, unknown> = {}) {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${servers.merchant.url}/index.html`);
  await page.evaluate(([t, o]) => (window as unknown as { openCheckout(t: string, o: object): void }).openCheckout(t as string, o as object), [token, options] as const);
  return requests;
}

async function openReady(page: Page) {
  const requests = await openMerchant(page);
  await expect.poll(() => kinds(page), { intervals: FAST }).toContain('ready');
  return requests;
}

test.describe('open -> ready -> terminal events, two origins', () => {
  test('success reaches onSuccess once, the overlay is gone and scroll is restored', async ({ page }) => {
    const requests = await openReady(page);
    await expect(checkoutFrame(page).locator('#state')).toHaveText(`init ${SECRET.length}-char secret, embed overlay`);
    // The SDK sets these as properties; the browser reflects them as the attributes that take effect.
    await expect(page.locator('iframe[title="Lava checkout"]')).toHaveAttribute('allow', 'payment; otp-credentials');
    await expect(page.locator('iframe[title="Lava checkout"]')).toHaveAttribute('referrerpolicy', 'strict-origin');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await press(page, '#pay-twice');
    await expect.poll(() => kinds(page), { intervals: FAST }).toContain('result');
    const entries = await log(page);
    expect(entries.filter(([kind]) => kind === 'success')).toEqual([['success', expect.objectContaining({ status: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]]);
    expect(entries).toContainEqual(['event', expect.objectContaining({ type: 'step', step: 'phone', seq: 1 })]);
    expect(entries.filter(([kind]) => kind === 'csp')).toEqual([]);
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
    expect(requests.filter((url) => url.includes(SECRET))).toEqual([]);
  });

  test('cancel reaches onCancel', async ({ page }) => {
    await openReady(page);
    await press(page, '#cancel');
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['cancel', expect.objectContaining({ status: 'cancel', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]);
    await expect(page.locator('iframe')).toHaveCount(0);
  });

  test('an error reaches onError with its code and the 0.1.3 fields', async ({ page }) => {
    await openReady(page);
    await press(page, '#fail');
    await expect.poll(() => log(page), { intervals: FAST })
      .toContainEqual([
        'error',
        expect.objectContaining({ status: 'error', code: 'session_expired', message: 'This checkout expired', error: 'This checkout expired', checkoutSessionId: 'cs_e2e' }),
      ]);
  });

  test('the overlay covers the visible viewport and focus is inside the checkout', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 700 });
    await openReady(page);
    const box = await page.locator('[role="dialog"]').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 700 });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  });

  test('Tab and Shift+Tab never leave the checkout for the page behind it', async ({ page }) => {
    await openReady(page);
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(key);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
      }
    }
  });

  test('close() during a payment waits for unlock, then the app cancels', async ({ page }) => {
    await openReady(page);
    await press(page, '#lock');
    await expect.poll(() => page.evaluate(() => (window as unknown as { handle: { status: string } }).handle.status), { intervals: FAST }).toBe('processing');
    await page.evaluate(() => (window as unknown as { handle: { close(): void } }).handle.close());
    await page.waitForTimeout(2000); // longer than the close grace period: nothing may close meanwhile
    await expect(page.locator('iframe')).toHaveCount(1);
    await press(page, '#unlock');
    await expect.poll(() => kinds(page), { intervals: FAST }).toContain('cancel');
  });
});

/**
 * A frame of a third origin (or, sandboxed, of the null origin) is added to the merchant page,
 * forges hello and results at it, and reports that nothing came back.
 */
async function expectAttackerGetsNothing(page: Page, { sandboxed }: { sandboxed: boolean }) {
  await page.evaluate(
    ([src, sandbox]) => {
      const frame = document.createElement('iframe');
      frame.id = 'attacker';
      if (sandbox) frame.setAttribute('sandbox', 'allow-scripts');
      frame.src = src;
      document.body.append(frame);
    },
    [`${servers.attacker.url}/attacker.html`, sandboxed] as const,
  );
  const attacker = page.frameLocator('#attacker');
  await expect(attacker.locator('body')).toHaveAttribute('data-done', 'true');
  await expect(attacker.locator('#received')).toHaveText('nothing received');
}

test.describe('forged messages are ignored', () => {
  test('a frame of a third origin forging hello and results gets nothing, and the checkout still completes', async ({ page }) => {
    await openReady(page);
    await expectAttackerGetsNothing(page, { sandboxed: false });
    expect(await kinds(page)).not.toContain('success');
    await press(page, '#pay');
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['success', expect.objectContaining({ status: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]);
  });

  test('a sandboxed (null-origin) frame forging messages gets nothing', async ({ page }) => {
    await openReady(page);
    await expectAttackerGetsNothing(page, { sandboxed: true });
    expect(await kinds(page)).not.toContain('success');
    expect(await kinds(page)).not.toContain('error');
  });

  test('the merchant window posting the contract to itself is ignored', async ({ page }) => {
    await openMerchant(page);
    await page.evaluate(() => {
      window.postMessage({ protocol: 'lava-checkout', v: 1, type: 'hello' }, '*');
      window.postMessage({ type: 'success', connectionId: 'conn_self', checkoutSessionId: 'cs_self' }, '*');
      window.postMessage({ type: 'lava_checkout_success', connectionId: 'conn_self', checkoutSessionId: 'cs_self' }, '*');
    });
    await expect.poll(() => kinds(page), { intervals: FAST }).toContain('ready');
    expect(await kinds(page)).not.toContain('success');
    await press(page, '#pay');
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['success', expect.objectContaining({ status: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]);
  });

  test('given the checkout frame navigated to a lookalike origin (same host, other port), its hello is refused and the open times out', async ({ page }) => {
    const lookalike = new URL(servers.attacker.url).host;
    await openMerchant(page, tokenFor(`${servers.checkout.url}/navigate-to/${lookalike}`), { timeout: 8000 });
    const frame = checkoutFrame(page);
    await expect(frame.locator('body')).toHaveAttribute('data-done', 'true');
    await expect(frame.locator('#received')).toHaveText('nothing received');
    await expect.poll(() => log(page), { timeout: 20_000, intervals: FAST }).toContainEqual(['error', expect.objectContaining({ code: 'load_timeout' })]);
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(await kinds(page)).not.toContain('success');
  });

  test('malformed and oversized messages on the port are dropped; a valid success still counts once', async ({ page }) => {
    await openReady(page);
    await press(page, '#junk');
    await expect(checkoutFrame(page).locator('#state')).toHaveText('junk sent');
    await press(page, '#pay-twice');
    await expect.poll(() => kinds(page), { intervals: FAST }).toContain('result');
    const entries = await log(page);
    expect(entries.filter(([kind]) => kind === 'success')).toEqual([['success', expect.objectContaining({ status: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e', attemptId: expect.any(String) })]]);
    expect(entries.filter(([kind]) => kind === 'error')).toEqual([]);
  });
});

test('the merchant page runs under a strict CSP (an inline <style> is reported) and the SDK causes no violation', async ({ page }) => {
  await openReady(page);
  await press(page, '#cancel');
  await expect.poll(() => kinds(page), { intervals: FAST }).toContain('cancel');
  expect(await kinds(page)).not.toContain('csp');
  expectPageError(/^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/, {
    from: new RegExp(`^${servers.merchant.url}/`),
    why: 'this test adds an inline <style> to show the policy is in force',
  });
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  });
  await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['csp', 'style-src-elem']);
});

test.describe('bad input', () => {
  test('a malformed token reaches onError invalid_token and leaves the page as it was', async ({ page }) => {
    await openMerchant(page, 'not-a-token');
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['error', expect.objectContaining({ code: 'invalid_token' })]);
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
  });

  test('a second open while one is open reaches onError already_open', async ({ page }) => {
    await openReady(page);
    await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), tokenFor());
    await expect.poll(() => log(page), { intervals: FAST }).toContainEqual(['error', expect.objectContaining({ code: 'already_open' })]);
    await expect(page.locator('iframe')).toHaveCount(1);
  });
});

test('preload warms the checkout before the token exists; open reuses that frame', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/index.html`);
  await page.evaluate((base) => (window as unknown as { preloadCheckout(b: string): void }).preloadCheckout(base), `${servers.checkout.url}/`);
  await expect(checkoutFrame(page).locator('#state')).toHaveText(/^connected to http:\/\/localhost:/);
  const warm = await page.locator('iframe').elementHandle();
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), tokenFor());
  await expect.poll(() => kinds(page), { intervals: FAST }).toContain('ready');
  expect(await page.locator('iframe').count()).toBe(1);
  expect(await warm?.evaluate((el) => el.isConnected)).toBe(true);
});

test('a warm frame cannot be reached: Tab never enters it, a click at its place lands on the page, and it is out of the accessibility tree', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/index.html`);
  await page.evaluate((base) => (window as unknown as { preloadCheckout(b: string): void }).preloadCheckout(base), `${servers.checkout.url}/`);
  await expect(checkoutFrame(page).locator('#state')).toHaveText(/^connected to http:\/\/localhost:/);
  const outsideCheckout = () => page.evaluate(() => !document.querySelector('iframe')?.parentElement?.contains(document.activeElement));
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await outsideCheckout()).toBe(true);
  }
  const button = page.locator('#subscribe');
  const box = (await button.boundingBox())!;
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(hit).toBe('subscribe');
  expect(await page.locator('body').ariaSnapshot()).not.toContain('Lava checkout');
  // Opened, the same frame is the one thing that can be reached.
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), tokenFor());
  await expect.poll(() => kinds(page), { intervals: FAST }).toContain('ready');
  expect(await page.locator('body').ariaSnapshot()).toContain('Lava checkout');
});
