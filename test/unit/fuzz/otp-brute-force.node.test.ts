import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OTP_LIMITS, type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';

const ORIGIN = 'http://localhost:5173';
const PHONE = '+12015550188';
const clock = { now: Date.parse('2026-11-25T12:00:00Z') };
let sandbox: Sandbox;

async function call(path: string, token: string | null, body: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error?: { code: string }; flow_token?: string } };
}

async function startedToken(): Promise<string> {
  const session = await fetch(`${sandbox.restUrl}checkout_sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: ORIGIN }),
  }).then((r) => r.json() as Promise<{ checkout_session_token: string }>);
  const secret = JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString()).secret;
  const started = await call('/api/flow/start', null, { secret, parent_origin: ORIGIN });
  return String(started.json.flow_token);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true, now: () => clock.now });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('OTP brute force', () => {
  test('given 5 wrong codes, then the code is dead and the right code fails too; a sixth send in the window is 429', async () => {
    const token = await startedToken();
    expect((await call('/api/flow/phone/send', token, { phone: PHONE })).status).toBe(200);
    const tries: Array<string | undefined> = [];
    for (let i = 0; i < OTP_LIMITS.maxAttempts; i++) {
      tries.push((await call('/api/flow/phone/verify', token, { code: String(111111 + i) })).json.error?.code);
    }
    expect(tries).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_attempts_exceeded']);
    const right = await call('/api/flow/phone/verify', token, { code: TEST_CODE });
    expect(right.status).toBe(400);
    expect(right.json.error?.code).toBe('code_attempts_exceeded');
    expect(right.json.flow_token).toBeUndefined();

    // Four more sends (past the resend cooldown each time) use up the window; the sixth is refused.
    const sends: number[] = [];
    for (let i = 0; i < OTP_LIMITS.perSessionMax; i++) {
      clock.now += OTP_LIMITS.resendCooldownMs + 1_000;
      sends.push((await call('/api/flow/phone/send', token, { phone: PHONE })).status);
    }
    expect(sends).toEqual([200, 200, 200, 200, 429]);
    const accepted = [...tries, right.json.error?.code].filter((code) => code === undefined).length;
    console.log(`[attacks] otp-brute-force: ${tries.length + 1 + sends.length} attempts, ${accepted} accepted, sixth send ${sends[4]}`);
  });
});
