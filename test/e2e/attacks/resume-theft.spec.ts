import type { Browser, Page } from '@playwright/test';
import { TEST_CODE } from '../../../src/sandbox/index';
import { checkoutFrame, STEP_TIMEOUT, verifyPhone } from '../support/checkout-steps';
import type { CreatedSession } from '../support/sandbox';
import { expect, test } from '../support/test';
import { attackWorldPerFile, merchantLog, record } from './support';

// A verified checkout resumes only in the browser that verified. The thief holds
// the session token (leaked from the merchant page into a log or a shared link) and nothing else.
const world = attackWorldPerFile(120_000);
const FAMILY = 'resume without the device';

const CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' };
const AT_PHONE = { step: 'phone', verified: false };

type Json = Record<string, unknown>;

/** The flow API from Node: no browser, no Origin header, whatever body the caller writes. */
async function flow(path: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${world.sandbox.url}/api/flow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

/** The merchant page with the checkout opened for `token`. */
async function openOn(page: Page, token: string): Promise<void> {
  await page.goto(`${world.merchant.url}/`);
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), token);
}

/** The first step the merchant page heard of (ready, or a step change). */
async function firstStep(page: Page): Promise<unknown> {
  await expect.poll(async () => (await merchantLog(page)).some((e) => e.kind === 'event' && e.type === 'ready'), { timeout: STEP_TIMEOUT }).toBe(true);
  return (await merchantLog(page)).find((e) => e.kind === 'event' && (e.type === 'ready' || e.type === 'step'))?.step;
}

/**
 * Another browser (a fresh context: no storage, no cookies) opens the merchant page with the token:
 * accepted if the checkout starts anywhere but the phone step, or shows the step the customer
 * reached, or (`maskedIsLeak`: an onboarding session, where the phone step names no account) a
 * masked number.
 */
async function fromAnotherBrowser(browser: Browser, token: string, customerStep: string, maskedIsLeak: boolean): Promise<number> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await openOn(page, token);
    const frame = checkoutFrame(page);
    if ((await firstStep(page)) !== 'phone') return 1;
    await expect(frame.getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: STEP_TIMEOUT });
    const shown = (await frame.locator('body').textContent()) ?? '';
    const leaked = (await frame.getByLabel(customerStep).count()) > 0 || (maskedIsLeak && shown.includes('••'));
    return leaked ? 1 : 0;
  } finally {
    await context.close();
  }
}

/**
 * Scripts with only the token: start with a forged parent_origin, no Origin (or the checkout's own,
 * which a script may write), with made-up proofs; then, with what start answered, every step the
 * verified customer could take. Returns [attempts, accepted].
 */
async function fromScripts(session: CreatedSession, connectionId: string | null): Promise<[number, number]> {
  const secret = session.secret;
  let attempts = 0;
  let accepted = 0;
  const starts: Array<[Json, Record<string, string>]> = [
    [{ secret, parent_origin: world.merchant.url }, {}],
    [{ secret, parent_origin: world.merchant.url }, { origin: world.sandbox.url }],
    [{ secret, parent_origin: world.merchant.url, flow_token: 'A'.repeat(32) }, {}],
    [{ secret, parent_origin: world.merchant.url }, { cookie: `lava_flow_${session.checkoutSessionId}=${'B'.repeat(32)}` }],
    [{ secret, parent_origin: null }, {}],
  ];
  for (const [body, headers] of starts) {
    const started = await flow('start', null, body, headers);
    attempts += 1;
    const progress = started.json.progress as Json | undefined;
    if (started.status !== 200 || JSON.stringify(progress) !== JSON.stringify(AT_PHONE)) accepted += 1;
    const token = String(started.json.flow_token);
    const tries = [
      flow('wallet', token, { first_name: 'Eve', last_name: 'Thief', email: 'eve@example.com' }),
      flow('wallet/link', token, {}),
      flow('payment/intent', token, { amount: '1000.00', idempotency_key: `thief-intent-${attempts}` }),
      flow('payment/confirm', token, { intent_id: 'pi_any', idempotency_key: `thief-confirm-${attempts}`, card: CARD }),
      flow('complete', token, {}),
    ];
    for (const answer of await Promise.all(tries)) {
      attempts += 1;
      const text = JSON.stringify(answer.json);
      if (answer.status < 400 || text.includes('4242') || (connectionId !== null && text.includes(connectionId))) accepted += 1;
    }
  }
  return [attempts, accepted];
}

/** A wallet for `phone` with a saved card, made through the flow API as an earlier checkout would. */
async function walletWithSavedCard(phone: string): Promise<string> {
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  const started = await flow('start', null, { secret: session.secret, parent_origin: world.merchant.url });
  const token = String(started.json.flow_token);
  await flow('phone/send', token, { phone });
  const verified = String((await flow('phone/verify', token, { code: TEST_CODE })).json.flow_token);
  await flow('wallet', verified, { first_name: 'Cara', last_name: 'Customer', email: 'cara@example.com' });
  const intent = await flow('payment/intent', verified, { amount: '10.00', idempotency_key: `seed-${phone.slice(1)}` });
  const paid = await flow('payment/confirm', verified, { intent_id: intent.json.intent_id, idempotency_key: `seed-c-${phone.slice(1)}`, card: CARD, save_card: true });
  expect(paid.json, JSON.stringify([intent.json, paid.json])).toMatchObject({ status: 'succeeded' });
  return String(paid.json.connection_id);
}

test('given a customer verified in an onboarding session, when another browser or a script starts it with only the token, then each lands on the phone step, creates no wallet, and the customer reloading resumes at the wallet step', async ({ page, browser }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  await openOn(page, session.token);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550181');
  await expect(frame.getByLabel('First name')).toBeVisible({ timeout: STEP_TIMEOUT });

  let attempts = 1;
  let accepted = await fromAnotherBrowser(browser, session.token, 'First name', true);
  const [scripted, scriptedAccepted] = await fromScripts(session, null);
  attempts += scripted;
  accepted += scriptedAccepted;
  record(FAMILY, attempts, accepted);
  expect(accepted).toBe(0);
  expect(await world.sandbox.rest<{ data: unknown[] }>('GET', `connections?limit=100`).then((r) => JSON.stringify(r.data))).not.toContain('Thief');

  // The customer's own browser was not disturbed: a reload resumes past the phone step.
  await page.reload();
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), session.token);
  await expect(frame.getByLabel('First name')).toBeVisible({ timeout: STEP_TIMEOUT });
  expect(await firstStep(page)).toBe('wallet');
});

test('given a customer with a saved card verified in a top-up session, when another browser or a script starts it with only the token, then no card is listed and nothing is paid, and the customer reloading resumes at the amount', async ({ page, browser }) => {
  const connectionId = await walletWithSavedCard('+12015550182');
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'topup', connection_id: connectionId });
  await openOn(page, session.token);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550182');
  await expect(frame.getByLabel('Other amount (USD)')).toBeVisible({ timeout: STEP_TIMEOUT });
  const chargesBefore = (await world.sandbox.charges()).length;

  let attempts = 1;
  let accepted = await fromAnotherBrowser(browser, session.token, 'Other amount (USD)', false);
  const [scripted, scriptedAccepted] = await fromScripts(session, connectionId);
  attempts += scripted;
  accepted += scriptedAccepted;
  const charges = await world.sandbox.charges();
  const connection = await world.sandbox.rest<{ wallet: { balance: string } }>('GET', `connections/${connectionId}`);
  attempts += 1;
  if (charges.length !== chargesBefore || connection.wallet.balance !== '10.00') accepted += 1;
  record(FAMILY, attempts, accepted);
  expect(accepted).toBe(0);

  await page.reload();
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), session.token);
  await expect(frame.getByLabel('Other amount (USD)')).toBeVisible({ timeout: STEP_TIMEOUT });
  expect(await firstStep(page)).toBe('amount');
});
