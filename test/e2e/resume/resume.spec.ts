import { expect, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, createWallet, onboardAndPay, STEP_TIMEOUT, verifyPhone } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { askResult, awaited, call, openOnboarding, pageLog, startResumeMerchant } from './merchant-page';

// Awaitable results, resume after a reload, and getResult after a success the page never saw.
const servers = checkoutServersPerFile(startSandboxProcess, startResumeMerchant);

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 90_000 });

test('await handle.result equals what onSuccess received, and getResult answers the same success', async ({ page }) => {
  const session = await openOnboarding(page, servers);
  const frame = checkoutFrame(page);
  await onboardAndPay(frame, { phone: '2015550160', firstName: 'Rae', amount: '25.00' });
  await expect.poll(() => awaited(page), { timeout: 20_000 }).toBeTruthy();
  const result = await awaited(page);
  const successes = (await pageLog(page)).filter((e) => e.kind === 'success');
  expect(successes).toHaveLength(1);
  expect(result).toEqual(successes[0]!.payload);
  expect(result).toMatchObject({ status: 'success', checkoutSessionId: session.checkoutSessionId });
  expect(String(result!.connectionId)).toMatch(/^conn_/);
  // Events and the result share the attempt id; the sequence numbers count up without gaps.
  const stamped = (await pageLog(page)).map((e) => e.payload as { attemptId: string; seq: number });
  expect(new Set(stamped.map((e) => e.attemptId))).toEqual(new Set([result!.attemptId]));
  expect(stamped.map((e) => e.seq)).toEqual(stamped.map((_, i) => i + 1));

  expect(await askResult(page, session.token)).toEqual({
    status: 'success',
    connectionId: result!.connectionId,
    checkoutSessionId: session.checkoutSessionId,
  });
});

test('the page reloads after the code step and the reopened checkout resumes at the wallet step', async ({ page }) => {
  const session = await openOnboarding(page, servers);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550161');
  await expect(frame.getByLabel('First name')).toBeVisible({ timeout: STEP_TIMEOUT });
  expect(await askResult(page, session.token)).toEqual({ status: 'open', step: 'wallet', checkoutSessionId: session.checkoutSessionId });

  await page.reload();
  await call(page, 'openCheckout', session.token);
  await expect(frame.getByLabel('First name')).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByLabel('Phone number', { exact: true })).toHaveCount(0);
  const firstStep = (await pageLog(page)).find((e) => e.kind === 'event' && (e.payload.type === 'ready' || e.payload.type === 'step'));
  expect(firstStep?.payload.step).toBe('wallet');
  // And it goes on to the end from there.
  await createWallet(frame, 'Sol');
  await expect(frame.getByLabel('Other amount (USD)')).toBeVisible({ timeout: STEP_TIMEOUT });
});

test('the customer closes the tab right after paying: getResult on a new page answers the success', async ({ page, context }) => {
  const session = await openOnboarding(page, servers);
  const frame = checkoutFrame(page);
  await onboardAndPay(frame, { phone: '2015550162', firstName: 'Tam', amount: '10.00' });
  await expect
    .poll(async () => (await servers.sandbox.charges()).filter((c) => c.checkout_session_id === session.checkoutSessionId).length, {
      timeout: 20_000,
    })
    .toBe(1);
  await page.close();

  const later = await context.newPage();
  await later.goto(`${servers.merchant.url}/`);
  const result = await askResult(later, session.token);
  expect(result).toMatchObject({ status: 'success', checkoutSessionId: session.checkoutSessionId });
  expect(String(result.connectionId)).toMatch(/^conn_/);
  expect(Object.keys(result).sort()).toEqual(['checkoutSessionId', 'connectionId', 'status']);
});
