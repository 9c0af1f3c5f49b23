import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { encodeToken } from '../../../src/contract/token';
import { type HostServers, startHostServers } from '../host/servers';
import { LISTENER_PROBE, type ListenerCounts } from './listener-probe';

// 100 open/close cycles of the built vanilla SDK on a localhost merchant page against the fake
// checkout app (127.0.0.1). Counts only: no timing is asserted.
const CYCLES = 100;
const SECRET = 'cs_perf_secret_0123456789';
let servers: HostServers;
const token = () => encodeToken({ secret: SECRET, base: `${servers.checkout.url}/` });

test.beforeAll(async () => {
  servers = await startHostServers(token);
});
test.afterAll(async () => {
  await servers?.close();
});

const listeners = (page: Page) => page.evaluate(() => (window as unknown as { __listeners(): ListenerCounts }).__listeners());

/** Open, wait for ready, close, wait for the outcome; `cycles` times in a row. Each wait is bounded by the SDK's load timeout. */
function runCycles(page: Page, cycles: number): Promise<string[]> {
  return page.evaluate(
    async ([t, n]) => {
      const win = window as unknown as {
        openCheckout(t: string, o: object): void;
        handle: { ready: Promise<boolean>; result: Promise<{ status: string }>; close(): void };
      };
      const outcomes: string[] = [];
      for (let i = 0; i < n; i++) {
        win.openCheckout(t, { timeout: 10_000 });
        const handle = win.handle;
        const ready = await handle.ready;
        handle.close();
        outcomes.push(`${ready}:${(await handle.result).status}`);
      }
      return outcomes;
    },
    [token(), cycles] as const,
  );
}

async function openMerchant(page: Page): Promise<ListenerCounts> {
  await page.addInitScript(LISTENER_PROBE);
  await page.goto(`${servers.merchant.url}/index.html`);
  return listeners(page);
}

test.describe('100 open/close cycles', () => {
  test.setTimeout(240_000);

  test('when a checkout is opened and closed 100 times, then no iframe and no message listener is left', async ({ page }) => {
    const before = await openMerchant(page);
    const outcomes = await runCycles(page, CYCLES);
    expect(outcomes).toEqual(Array(CYCLES).fill('true:cancel'));
    await expect(page.locator('iframe')).toHaveCount(0);
    const after = await listeners(page);
    expect(after.message).toBe(0);
    expect(after).toEqual(before);
  });

  test('given a preloaded checkout, when it is opened and closed 100 times and preloading stops, then no iframe and no listener is left', async ({
    page,
  }) => {
    const before = await openMerchant(page);
    await page.evaluate((base) => (window as unknown as { preloadCheckout(b: string): void }).preloadCheckout(base), `${servers.checkout.url}/`);
    await expect(page.locator('iframe')).toHaveCount(1);
    const outcomes = await runCycles(page, CYCLES);
    expect(outcomes).toEqual(Array(CYCLES).fill('true:cancel'));
    // One warm frame waits for the next open, with its one message listener.
    await expect(page.locator('iframe')).toHaveCount(1);
    expect((await listeners(page)).message).toBe(1);
    await page.evaluate(() => (window as unknown as { preloadCheckout(b: null): void }).preloadCheckout(null));
    await expect(page.locator('iframe')).toHaveCount(0);
    const after = await listeners(page);
    expect(after.message).toBe(0);
    expect(after).toEqual(before);
  });
});
