import { afterEach, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';

/**
 * Test mode only: the test numbers' fixed code is a way past the phone step, so it must not work
 * for a merchant in live mode, and the sandbox must not run against live Stripe keys at all.
 */
const ORIGIN = 'http://localhost:5173';
const LIVE_KEY = 'aks_live_sandbox_acme_00000000000000000000';
let sandbox: Sandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function flow(path: string, token: string | null, body: unknown) {
  const res = await fetch(`${sandbox!.url}/api/flow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { flow_token?: string; error?: { code: string } } };
}

/** A started flow token in an onboarding session of the merchant whose key is `key`. */
async function startedWith(key: string): Promise<string> {
  const session = (await fetch(`${sandbox!.restUrl}checkout_sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: ORIGIN }),
  }).then((r) => r.json())) as { checkout_session_token: string };
  const secret = JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString()).secret;
  return String((await flow('start', null, { secret, parent_origin: ORIGIN })).json.flow_token);
}

describe('test mode only', () => {
  test('given a merchant in live mode, when test numbers are verified with the fixed code, then none verifies (a test-mode merchant still can)', async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true });
    // The seed takes test keys only; a live merchant is written straight into the database.
    sandbox.db
      .prepare("INSERT INTO merchants (id, name, secret_key, amount_min, amount_max, amount_presets, created_at) VALUES ('merch_live', 'Live Co', ?, 500, 100000, '[]', 0)")
      .run(LIVE_KEY);
    let attempts = 0;
    let accepted = 0;
    for (const phone of ['+12015550100', '+12015550142', '+12015550199']) {
      const token = await startedWith(LIVE_KEY);
      expect((await flow('phone/send', token, { phone })).status).toBe(200);
      attempts++;
      if ((await flow('phone/verify', token, { code: TEST_CODE })).status === 200) accepted++;
    }
    const control = await startedWith(sandbox.secretKey);
    await flow('phone/send', control, { phone: '+12015550100' });
    expect((await flow('phone/verify', control, { code: TEST_CODE })).status).toBe(200);
    console.log(`[attacks] test numbers outside test mode: ${attempts} attempts, ${accepted} accepted`);
    expect(accepted).toBe(0);
  });

  test('given a live Stripe key in the environment (secret, publishable or restricted), then the sandbox refuses to start and says why', async () => {
    const combos = [
      { STRIPE_SECRET_KEY: 'sk_live_51Hxxxxxxxxxxxxxxxx', STRIPE_PUBLISHABLE_KEY: 'pk_test_51Hxxxxxxxxxxxxxxxx' },
      { STRIPE_SECRET_KEY: 'sk_test_51Hxxxxxxxxxxxxxxxx', STRIPE_PUBLISHABLE_KEY: 'pk_live_51Hxxxxxxxxxxxxxxxx' },
      { STRIPE_SECRET_KEY: 'rk_live_51Hxxxxxxxxxxxxxxxx', STRIPE_PUBLISHABLE_KEY: 'pk_test_51Hxxxxxxxxxxxxxxxx' },
    ];
    const saved = { STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: process.env.STRIPE_PUBLISHABLE_KEY };
    const refusals: string[] = [];
    let started = 0;
    try {
      for (const keys of combos) {
        Object.assign(process.env, keys);
        try {
          sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true });
          started++;
          await sandbox.close();
          sandbox = undefined;
        } catch (error) {
          refusals.push((error as Error).message);
        }
      }
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    console.log(`[attacks] test mode only (live Stripe keys): ${combos.length} attempts, ${started} accepted`);
    expect(started).toBe(0);
    for (const message of refusals) expect(message).toMatch(/test mode only.*live Stripe key: STRIPE_(SECRET|PUBLISHABLE)_KEY \((sk|pk|rk)_live_/);
  });
});
