import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';

const ORIGIN = 'http://localhost:5173';
const CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' };
let sandbox: Sandbox;

async function call(path: string, token: string | null, body: unknown) {
  const res = await fetch(`${sandbox.url}/api/flow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('double charges', () => {
  test('given one session paid six times at once, each with its own idempotency keys and intent (a client that forgets its key), then exactly one charge is made and no 5xx', async () => {
    const session = (await fetch(`${sandbox.restUrl}checkout_sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: ORIGIN }),
    }).then((r) => r.json())) as { checkout_session_id: string; checkout_session_token: string };
    const secret = JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString()).secret;

    const start = await call('start', null, { secret, parent_origin: ORIGIN });
    expect((await call('phone/send', String(start.json.flow_token), { phone: '+12015550166' })).status).toBe(200);
    const token = String((await call('phone/verify', String(start.json.flow_token), { code: TEST_CODE })).json.flow_token);
    expect((await call('wallet', token, { first_name: 'Two', last_name: 'Tabs', email: 'tabs@example.com' })).status).toBe(200);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const intent = await call('payment/intent', token, { idempotency_key: `intent-key-${i}`, amount: '10.00' });
        if (intent.status !== 200) return intent.status;
        const confirm = await call('payment/confirm', token, { idempotency_key: `confirm-key-${i}`, intent_id: intent.json.intent_id, card: CARD });
        return confirm.status;
      }),
    );
    const charges = ((await fetch(`${sandbox.url}/sandbox/charges`).then((r) => r.json())) as Array<{ checkout_session_id: string }>).filter(
      (c) => c.checkout_session_id === session.checkout_session_id,
    );
    console.log(`[attacks] double-charge (concurrent pays, new keys): ${attempts.length} attempts, ${Math.max(0, charges.length - 1)} double charges`);
    expect(charges).toHaveLength(1);
    expect(attempts.filter((s) => s >= 500)).toEqual([]);
    expect(attempts.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
  });
});
