import type { Page } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import {
  checkoutFrame,
  chooseAmount,
  continueToPayment,
  createWallet,
  fillCard,
  onboardToPayment,
  payButton,
  payWithCard,
  payWithTestCard,
  STEP_TIMEOUT,
  verifyPhone,
} from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import type { CreateSessionInput } from '../support/sandbox-rest';
import { merchantLog, openCheckout, openNewSession, startMerchant } from './merchant';

// Each checkout mode paid to onSuccess against the sandbox in its own process; the REST API shows
// the connection onSuccess names, and the sandbox's charges show what was taken.
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 90_000 });

interface Connection {
  connection_id: string;
  wallet: { balance: string; autopay_enabled: boolean };
  subscription: { subscription_config_id: string; name: string; status: string } | null;
}

function open(page: Page, input: Omit<CreateSessionInput, 'origin'>) {
  return openNewSession(page, servers, input);
}

/** onSuccess fired once for this session; the overlay is gone. */
async function expectSuccess(page: Page, checkoutSessionId: string): Promise<string> {
  await expect
    .poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'success').length, { timeout: 20_000 })
    .toBe(1);
  const success = (await merchantLog(page)).find((e) => e.kind === 'success')!;
  expect(success.checkoutSessionId).toBe(checkoutSessionId);
  expect(String(success.connectionId)).toMatch(/^conn_/);
  await expect(page.locator('iframe[src*="/embed/checkout"]')).toHaveCount(0);
  return String(success.connectionId);
}

async function chargesFor(checkoutSessionId: string) {
  return (await servers.sandbox.charges()).filter((c) => c.checkout_session_id === checkoutSessionId);
}

test('onboarding then top-up: funded, then topped up, each to onSuccess with the balance on the connection', async ({ page }) => {
  const first = await open(page, { mode: 'onboarding' });
  const frame = checkoutFrame(page);
  await onboardToPayment(frame, { phone: '2015550120', firstName: 'Dee', amount: '25.00' });
  await expect(frame.getByText('Sandbox — no real charge')).toBeVisible({ timeout: STEP_TIMEOUT });
  await fillCard(frame, '4242 4242 4242 4242');
  await frame.getByLabel('Save this card for autopay').check();
  await payButton(frame).click();
  await expect(frame.getByRole('heading', { name: 'All set' })).toBeVisible({ timeout: STEP_TIMEOUT });
  const connectionId = await expectSuccess(page, first.checkoutSessionId);
  const funded = await servers.sandbox.rest<Connection>('GET', `connections/${connectionId}`);
  expect(funded.wallet.balance).toBe('25.00');
  const events = (await merchantLog(page)).filter((e) => e.kind === 'event').map((e) => e.type);
  expect(events).toEqual(expect.arrayContaining(['payment_submitted', 'step']));

  const topup = await open(page, { mode: 'topup', connection_id: connectionId });
  await verifyPhone(frame, '2015550120');
  await chooseAmount(frame, '10.00');
  // The card saved for autopay is offered first.
  await expect(frame.getByLabel(/ending in 4242/)).toBeChecked({ timeout: STEP_TIMEOUT });
  await payButton(frame).click();
  expect(await expectSuccess(page, topup.checkoutSessionId)).toBe(connectionId);
  const toppedUp = await servers.sandbox.rest<Connection>('GET', `connections/${connectionId}`);
  expect(toppedUp.wallet.balance).toBe('35.00');
  expect(await chargesFor(topup.checkoutSessionId)).toHaveLength(1);
});

test('subscription then a credit bundle: the plan is active, then the bundle is paid, each to onSuccess', async ({ page }) => {
  const sub = await open(page, { mode: 'subscription', subscription_config_id: 'subconf_pro' });
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550121');
  await createWallet(frame, 'Eve');
  await expect(frame.getByText('Pro Plan')).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByText('$25.00 usage credit included each period')).toBeVisible();
  await continueToPayment(frame);
  await fillCard(frame, '4242 4242 4242 4242');
  await expect(payButton(frame)).toHaveText('Subscribe — $49.00');
  await payButton(frame).click();
  const connectionId = await expectSuccess(page, sub.checkoutSessionId);
  const subscribed = await servers.sandbox.rest<Connection>('GET', `connections/${connectionId}`);
  expect(subscribed.subscription).toMatchObject({ subscription_config_id: 'subconf_pro', status: 'active' });
  expect((await merchantLog(page)).some((e) => e.kind === 'event' && e.type === 'subscription_active')).toBe(true);

  // A second subscription checkout for the same plan: told so, completed without a charge.
  const again = await open(page, { mode: 'subscription', subscription_config_id: 'subconf_pro' });
  await verifyPhone(frame, '2015550121');
  await expect(frame.getByRole('heading', { name: "You're already on this plan" })).toBeVisible({ timeout: STEP_TIMEOUT });
  await frame.getByRole('button', { name: 'Continue' }).click();
  expect(await expectSuccess(page, again.checkoutSessionId)).toBe(connectionId);
  expect(await chargesFor(again.checkoutSessionId)).toHaveLength(0);

  const bundle = await open(page, { mode: 'credit_bundle', connection_id: connectionId, credit_bundle_id: 'cb_pro_25' });
  await verifyPhone(frame, '2015550121');
  await expect(frame.getByText('$25 Top-up')).toBeVisible({ timeout: STEP_TIMEOUT });
  await continueToPayment(frame);
  await payWithTestCard(frame);
  expect(await expectSuccess(page, bundle.checkoutSessionId)).toBe(connectionId);
  const charges = await chargesFor(bundle.checkoutSessionId);
  expect(charges.map((c) => c.amount)).toEqual(['25.00']);
  const credits = await servers.sandbox.rest<{ subscription: { credits: { bundle_remaining: string } } }>(
    'GET',
    `connections/${connectionId}/subscription`,
  );
  expect(credits.subscription.credits.bundle_remaining).toBe('25.00');
});

test('a declined card shows the reason; another card succeeds; exactly one charge', async ({ page }) => {
  const session = await open(page, { mode: 'onboarding' });
  const frame = checkoutFrame(page);
  await onboardToPayment(frame, { phone: '2015550122', firstName: 'Fay', amount: '20.00' });
  await payWithCard(frame, '4000 0000 0000 0002');
  await expect(frame.getByRole('alert').filter({ hasText: /declined/i })).toBeVisible({ timeout: STEP_TIMEOUT });
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(0);
  expect((await merchantLog(page)).some((e) => e.kind === 'event' && e.type === 'payment_failed' && e.code === 'card_declined')).toBe(true);

  await payWithCard(frame, '4000 0000 0000 9995');
  await expect(frame.getByRole('alert').filter({ hasText: /insufficient funds/i })).toBeVisible({ timeout: STEP_TIMEOUT });

  await payWithTestCard(frame);
  const connectionId = await expectSuccess(page, session.checkoutSessionId);
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(1);
  expect((await servers.sandbox.rest<Connection>('GET', `connections/${connectionId}`)).wallet.balance).toBe('20.00');
});

test('authentication: failing the challenge charges nothing; approving it completes', async ({ page }) => {
  const session = await open(page, { mode: 'onboarding' });
  const frame = checkoutFrame(page);
  await onboardToPayment(frame, { phone: '2015550123', firstName: 'Gus', amount: '15.00' });
  await payWithCard(frame, '4000 0025 0000 3155');
  await frame.getByRole('button', { name: 'Fail authentication' }).click({ timeout: STEP_TIMEOUT });
  await expect(frame.getByRole('alert')).toHaveText('The card was not authenticated. Nothing was charged: try again or use another card.', {
    timeout: STEP_TIMEOUT,
  });
  expect((await merchantLog(page)).filter((e) => e.type === 'payment_failed').map((e) => e.code)).toEqual(['authentication_failed']);
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(0);

  await payWithCard(frame, '4000 0025 0000 3155');
  await frame.getByRole('button', { name: 'Approve' }).click({ timeout: STEP_TIMEOUT });
  await expectSuccess(page, session.checkoutSessionId);
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(1);
});

test('a double click on pay makes one charge and one onSuccess', async ({ page }) => {
  const session = await open(page, { mode: 'onboarding' });
  const frame = checkoutFrame(page);
  await onboardToPayment(frame, { phone: '2015550124', firstName: 'Hal', amount: '30.00' });
  await fillCard(frame, '4242 4242 4242 4242');
  // A real double click at the button's place on the page. (Playwright's locator.dblclick waits
  // for the frame to acknowledge every event, and hung when the first click's success removed
  // the checkout frame before the second click.)
  const box = (await payButton(frame).boundingBox())!;
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expectSuccess(page, session.checkoutSessionId);
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(1);
});

test('two tabs paying the same session: one charge and one onSuccess; the other tab ends told the checkout was already completed', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  expectFailedLoad(`${servers.sandbox.url}/api/flow/phone/send`, 429, {
    why: 'the second tab asks for a code within the first tab\'s cooldown, and asks again until it is over',
    times: 'maybe',
  });
  expectFailedLoad(`${servers.sandbox.url}/api/flow/payment/confirm`, 409, { why: 'both tabs pay at once: the session takes one payment' });
  const session = await open(page, { mode: 'onboarding' });
  const other = await context.newPage();
  await other.goto(`${servers.merchant.url}/`);
  await openCheckout(other, session.token);
  const frames = [checkoutFrame(page), checkoutFrame(other)] as const;
  await onboardToPayment(frames[0], { phone: '2015550125', firstName: 'Ivy', amount: '12.00' });
  // One session sends one code per cooldown, whichever tab asks: the second tab waits its turn.
  const number = frames[1].getByLabel('Phone number', { exact: true });
  await number.pressSequentially('2015550126');
  await expect(async () => {
    await frames[1].getByRole('button', { name: 'Send code' }).click();
    await expect(frames[1].getByLabel('Verification code')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [5_000] });
  await frames[1].getByLabel('Verification code').fill('000000');
  await createWallet(frames[1], 'Jon');
  await chooseAmount(frames[1], '12.00');
  for (const frame of frames) await fillCard(frame, '4242 4242 4242 4242');
  await Promise.all(frames.map((frame) => payButton(frame).click()));

  // The tab whose payment the session took: onSuccess, once.
  const tabs = [page, other];
  const successes = async () => Promise.all(tabs.map(async (tab) => (await merchantLog(tab)).filter((e) => e.kind === 'success')));
  await expect.poll(async () => (await successes()).flat().length, { timeout: 20_000 }).toBe(1);
  const paid = (await successes()).findIndex((found) => found.length === 1);
  const [winner, loser] = paid === 0 ? [page, other] : [other, page];
  const loserFrame = checkoutFrame(loser);

  // The other tab's confirm came while that payment was processing (told to wait, and paying again
  // meets the completed session) or after it: either way it ends on the failure screen, told the
  // checkout was already completed, with no onSuccess.
  const alreadyCompleted = loserFrame.getByRole('alert').filter({ hasText: 'This checkout was already completed. Please start again from the merchant’s page.' });
  const processing = loserFrame.getByRole('alert').filter({ hasText: 'A payment is already being processed for this checkout. Please wait.' });
  await expect(alreadyCompleted.or(processing)).toBeVisible({ timeout: STEP_TIMEOUT });
  if (await processing.isVisible()) await payButton(loserFrame).click();
  await expect(alreadyCompleted).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(loserFrame.getByRole('heading', { name: "This checkout can't continue" })).toBeVisible();
  const loserLog = await merchantLog(loser);
  expect(loserLog.filter((e) => e.kind === 'success')).toEqual([]);
  expect(loserLog.filter((e) => e.kind === 'event' && e.type === 'error').map((e) => e.code)).toEqual(['session_used']);

  // One charge, and the session completed for the paying tab's connection.
  const [success] = (await merchantLog(winner)).filter((e) => e.kind === 'success');
  expect(success).toMatchObject({ checkoutSessionId: session.checkoutSessionId });
  expect(await chargesFor(session.checkoutSessionId)).toHaveLength(1);
  expect(await servers.sandbox.rest('GET', `checkout_sessions/${session.checkoutSessionId}`)).toMatchObject({
    status: 'completed',
    result_connection_id: success!.connectionId,
  });
  expect((await servers.sandbox.rest<Connection>('GET', `connections/${String(success!.connectionId)}`)).wallet.balance).toBe('12.00');
  await other.close();
});
