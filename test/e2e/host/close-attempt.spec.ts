import { expect, test } from '../support/test';
import { checkoutFrame, merchantLog, STEP_TIMEOUT, setToken, startMerchantPage } from '../a11y/merchant-page';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';

// onCloseAttempt against the real checkout app and sandbox, two origins: the merchant's answer
// decides whether the customer's close ends the checkout.
const servers = checkoutServersPerFile(startTestSandbox, startMerchantPage);

/** How long the host waits for the app to answer its close_request before it cancels itself (src/host/open.ts). */
const CLOSE_GRACE = 1_500;

test('given onCloseAttempt says no, the customer close keeps the checkout open; when it says yes, the checkout cancels', async ({ page }) => {
  // The page's clock runs as usual, and lets the test jump past the close grace instead of sleeping.
  await page.clock.install();
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'subscription', subscription_config_id: 'subconf_pro' });
  await setToken(page, session.token);
  await page.evaluate(() => Object.assign(window, { __keepOpen: true }));
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const frame = checkoutFrame(page);
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeFocused({ timeout: STEP_TIMEOUT });

  await frame.getByRole('button', { name: 'Close' }).click();
  await expect.poll(async () => (await merchantLog(page)).map((e) => (e.kind === 'event' ? e.type : e.kind)), { timeout: STEP_TIMEOUT }).toContain('close_asked');
  // Kept open: once the close grace is over (a close the host had sent would have ended by then,
  // answered or not), nothing ended and the phone step is still there and usable.
  await page.clock.fastForward(CLOSE_GRACE + 500);
  const afterNo = await merchantLog(page);
  expect(afterNo.filter((e) => ['success', 'cancel', 'error'].includes(e.kind))).toEqual([]);
  expect(afterNo.filter((e) => e.kind === 'event' && e.type === 'close_attempt')).toHaveLength(1);
  await number.fill('2015550123');
  await expect(number).toHaveValue(/201/);

  await page.evaluate(() => Object.assign(window, { __keepOpen: false }));
  await frame.getByRole('button', { name: 'Close' }).click();
  await expect.poll(async () => (await merchantLog(page)).find((e) => e.kind === 'cancel'), { timeout: STEP_TIMEOUT }).toMatchObject({
    checkoutSessionId: session.checkoutSessionId,
  });
  const log = await merchantLog(page);
  expect(log.filter((e) => e.kind === 'close_asked')).toHaveLength(2);
  expect(log.filter((e) => e.kind === 'cancel')).toHaveLength(1);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(0);
});
