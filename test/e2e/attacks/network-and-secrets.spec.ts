import type { Request } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { createWallet, chooseAmount, fillCard, merchantLog, payButton, STEP_TIMEOUT } from '../flow/merchant';
import { attackWorldPerFile, checkoutFrame, openReadyCheckout, record } from './support';

const world = attackWorldPerFile(90_000);

/** A number outside the test range, so the sandbox makes a random code (the test range always gets 000000). */
const REAL_PHONE_NATIONAL = '4155550123';
const REAL_PHONE = `+1${REAL_PHONE_NATIONAL}`;

test('given the network drops once during send-code, verify and pay, then the customer recovers, the confirm retry reuses its idempotency key, exactly one charge is made, and the secret and code never appear in a URL, a Referer or a log line', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const confirmKeys: string[] = [];
  const dropped: string[] = [];
  const dropOnce = async (path: string, afterServer: boolean) => {
    expectFailedLoad(`${world.sandbox.url}/api/flow/${path}`, 'net::ERR_CONNECTION_RESET', { why: 'this test drops the connection once' });
    let done = false;
    await page.route(`${world.sandbox.url}/api/flow/${path}`, async (route) => {
      if (path === 'payment/confirm') confirmKeys.push(JSON.parse(route.request().postData() ?? '{}').idempotency_key);
      if (done) return route.continue();
      done = true;
      dropped.push(path);
      // After the server: the charge may be made but the answer is lost on the way back.
      if (afterServer) await route.fetch();
      return route.abort('connectionreset');
    });
  };
  await dropOnce('phone/send', false);
  await dropOnce('phone/verify', false);
  await dropOnce('payment/confirm', true);

  await openReadyCheckout(page, world, session);
  const frame = checkoutFrame(page);
  await frame.getByLabel('Phone number', { exact: true }).pressSequentially(REAL_PHONE_NATIONAL);
  const send = frame.getByRole('button', { name: 'Send code' });
  await send.click();
  await expect(frame.getByRole('alert').first()).toBeVisible({ timeout: STEP_TIMEOUT });
  await send.click();
  const codeField = frame.getByLabel('Verification code');
  await expect(codeField).toBeVisible({ timeout: STEP_TIMEOUT });
  const code = await world.sandbox.latestCode(REAL_PHONE);
  await codeField.fill(code);
  await expect(frame.getByRole('alert').first()).toBeVisible({ timeout: STEP_TIMEOUT });
  await codeField.fill(code);
  await createWallet(frame, 'Nell');
  await chooseAmount(frame, '20.00');
  await fillCard(frame, '4242 4242 4242 4242');
  await payButton(frame).click();
  await expect(frame.getByRole('alert').first()).toBeVisible({ timeout: STEP_TIMEOUT });
  await payButton(frame).click();
  await expect
    .poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'success').length, { timeout: 20_000 })
    .toBe(1);

  expect(dropped).toEqual(['phone/send', 'phone/verify', 'payment/confirm']);
  expect(confirmKeys.length).toBe(2);
  expect(new Set(confirmKeys).size).toBe(1);
  const charges = (await world.sandbox.charges()).filter((c) => c.checkout_session_id === session.checkoutSessionId);
  record('network-drops', dropped.length, Math.max(0, charges.length - 1), 'double charges');
  expect(charges.map((c) => c.amount)).toEqual(['20.00']);

  // Secrets: the session secret and the OTP code, in every request URL, Referer header and log line.
  const seen: string[] = [];
  for (const request of requests) {
    seen.push(request.url());
    const referer = (await request.allHeaders().catch(() => ({}) as Record<string, string>)).referer;
    if (referer) seen.push(referer);
  }
  // The sandbox's SMS line is the SMS itself (the sandbox's stand-in for a phone); every other line counts.
  const logLines = world.logLines.filter((line) => !line.startsWith(`[sms] to ${REAL_PHONE}:`));
  const haystack = [...seen, ...logLines];
  const hasCode = new RegExp(`(?<!\\d)${code}(?!\\d)`);
  const leaks = haystack.filter((line) => line.includes(session.secret) || hasCode.test(line));
  record('secret-leaks (urls, referers, log lines)', haystack.length, leaks.length, 'leaked');
  expect(seen.length).toBeGreaterThan(10);
  expect(logLines.length).toBeGreaterThan(10);
  expect(leaks).toEqual([]);
});
