import type { Frame, Page } from '@playwright/test';
import { startMerchant } from '../flow/merchant';
import { checkoutServersPerFile } from './checkout-servers';
import { checkoutFrame, STEP_TIMEOUT } from './checkout-steps';
import { startTestSandbox } from './sandbox';
import { expect, expectPageError, test, unexpectedPageErrors } from './test';

// The shared fixture against the real thing: the host SDK on the merchant page (localhost) and the
// checkout app in its cross-origin frame (127.0.0.1). The tests marked test.fail() pass only
// because the fixture fails them at the end; the others read what it would report.
const servers = checkoutServersPerFile(startTestSandbox, startMerchant);

/** The merchant page with the checkout open on its phone step; returns the checkout's frame. */
async function openCheckout(page: Page): Promise<Frame> {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url });
  await page.evaluate((token) => (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.token);
  await expect(checkoutFrame(page).getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: STEP_TIMEOUT });
  const frame = page.frames().find((f) => f.url().startsWith(`${servers.sandbox.url}/embed/checkout`));
  if (!frame) throw new Error('the checkout frame is not attached');
  expect(await frame.evaluate(() => window.origin)).not.toBe(await page.evaluate(() => window.origin));
  return frame;
}

/** Throws from a task of its own, so it is uncaught (not an error of evaluate). */
const throwLater = (target: Page | Frame, message: string) =>
  target.evaluate((m) => {
    setTimeout(() => {
      throw new Error(m);
    });
  }, message);

test.describe('the fixture fails the test', () => {
  test('given an uncaught error in the merchant page', async ({ page }) => {
    test.fail();
    await openCheckout(page);
    await throwLater(page, 'merchant page threw');
  });

  test('given an uncaught error in the cross-origin checkout frame', async ({ page }) => {
    test.fail();
    const frame = await openCheckout(page);
    await throwLater(frame, 'checkout frame threw');
  });

  test('given a console.error in the cross-origin checkout frame', async ({ page }) => {
    test.fail();
    const frame = await openCheckout(page);
    await frame.evaluate(() => console.error('checkout frame logged an error'));
  });

  test('given an unhandled rejection in a page of a context the test opened itself', async ({ browser }) => {
    test.fail();
    const context = await browser.newContext();
    const page = await context.newPage();
    await openCheckout(page);
    await page.evaluate(() => {
      void Promise.reject(new Error('own context rejected'));
    });
    await context.close();
  });

  test('given the test expects a message that never comes', async ({ page }) => {
    test.fail();
    expectPageError(/never logged/, { why: 'nothing in this test logs it' });
    await openCheckout(page);
  });
});

test('given the checkout frame throws and logs an error its test expects, then the report names the frame and the page, and the test passes', async ({ page }) => {
  const frame = await openCheckout(page);
  await throwLater(frame, 'checkout frame threw on purpose');
  await frame.evaluate(() => console.error('checkout frame logged on purpose'));

  const checkoutUrl = `${servers.sandbox.url}/embed/checkout`;
  const pageLine = `page   ${servers.merchant.url}/`;
  await expect
    .poll(unexpectedPageErrors)
    .toEqual([
      expect.stringMatching(new RegExp(`^uncaught Error: checkout frame threw on purpose\\n    frame  ${checkoutUrl}\\n[^]*${pageLine}`)),
      expect.stringMatching(new RegExp(`^console.error: checkout frame logged on purpose\\n    frame  ${checkoutUrl}\\n[^]*${pageLine}`)),
    ]);

  // Named by this test, from the checkout's origin only.
  const fromCheckout = new RegExp(`^${servers.sandbox.url}/`);
  expectPageError(/^Error: checkout frame threw on purpose$/, { from: fromCheckout, why: 'this test throws it in the checkout frame' });
  expectPageError(/^checkout frame logged on purpose$/, { from: fromCheckout, why: 'this test logs it in the checkout frame' });
  expect(await unexpectedPageErrors()).toEqual([]);
});
