import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OTP_LIMITS, type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';

/**
 * The phone oracle: on a top-up or credit-bundle checkout (an existing account), whoever holds
 * the session token guesses the account's phone number. Each guess is sent in one session while
 * the right number is sent in a twin session at the same moment; a guess whose answer differs
 * from the right number's (status, body apart from the masked digits) told the attacker
 * something, and so does any code that verifies for a wrong number.
 */
const ORIGIN = 'http://localhost:5173';
const OWNER = '+12015550150';
const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
let sandbox: Sandbox;

async function call(path: string, token: string | null, body: unknown) {
  const res = await fetch(`${sandbox.url}/api/flow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string }; flow_token?: string } };
}

async function rest(path: string, body: unknown) {
  const res = await fetch(`${sandbox.restUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, string>;
}

const secretOf = (session: Record<string, string>) => JSON.parse(Buffer.from(session.checkout_session_token!, 'base64').toString()).secret as string;

async function started(body: Record<string, unknown>): Promise<string> {
  const start = await call('start', null, { secret: secretOf(await rest('checkout_sessions', body)), parent_origin: ORIGIN });
  return String(start.json.flow_token);
}

/** What an answer tells apart from the phone itself: the status, the error code, the body with the masked digits blanked. */
const shape = (answer: { status: number; json: unknown }) => JSON.stringify({ status: answer.status, body: answer.json }).replace(/••\d\d/g, '••NN');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true, now: () => clock.now });
  const onboarding = await started({ checkout_mode: 'onboarding', origin_url: ORIGIN });
  await call('phone/send', onboarding, { phone: OWNER });
  const verified = await call('phone/verify', onboarding, { code: TEST_CODE });
  await call('wallet', String(verified.json.flow_token), { first_name: 'Owen', last_name: 'Owner', email: 'owen@example.com' });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('phone oracle', () => {
  test.each([
    ['topup', {}],
    ['credit_bundle', { credit_bundle_id: 'cb_pro_25' }],
  ])('given a %s checkout, when 150 guesses of the account phone are sent beside the right number, then every answer matches the right number\'s, few are answered at all, and no guess verifies', async (mode, extra) => {
    clock.now += 2 * OTP_LIMITS.windowMs;
    const connection = (await fetch(`${sandbox.restUrl}connections`, { headers: { authorization: `Bearer ${sandbox.secretKey}` } }).then((r) => r.json())) as { data: Array<{ connection_id: string }> };
    const session = { checkout_mode: mode, origin_url: ORIGIN, connection_id: connection.data[0]!.connection_id, ...extra };
    const [guessing, twin] = [await started(session), await started(session)];
    let attempts = 0;
    let accepted = 0;
    let answered = 0;
    for (let i = 0; i < 150; i++) {
      // Guesses around the right number (never the right one), with a pause now and then past the resend cooldown.
      if (i % 5 === 0) clock.now += OTP_LIMITS.resendCooldownMs + 1_000;
      const guess = `+120155501${String((51 + i) % 100).padStart(2, '0')}`;
      if (guess === OWNER) continue;
      const [wrong, right] = [await call('phone/send', guessing, { phone: guess }), await call('phone/send', twin, { phone: OWNER })];
      attempts++;
      if (shape(wrong) !== shape(right)) accepted++;
      if (wrong.status === 200) {
        answered++;
        // The code step: the fixed test code, and a few others, never verify a wrong number.
        for (const code of [TEST_CODE, '123456']) {
          attempts++;
          if ((await call('phone/verify', guessing, { code })).status === 200) accepted++;
        }
      }
    }
    console.log(`[attacks] phone oracle (${mode}): ${attempts} attempts, ${accepted} accepted, ${answered} of 150 guesses answered`);
    expect(accepted).toBe(0);
    expect(answered).toBeLessThanOrEqual(OTP_LIMITS.perSessionMax);
    // The control: the right number does pass the code step.
    const owner = await started(session);
    expect((await call('phone/send', owner, { phone: OWNER })).status).toBe(200);
    expect((await call('phone/verify', owner, { code: TEST_CODE })).status).toBe(200);
  }, 60_000);
});
