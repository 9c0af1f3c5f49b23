import { afterEach, describe, expect, test } from 'vitest';
import { startTestSandbox, type TestSandbox, TEST_CODE, testPhone } from '../../e2e/support/sandbox';

let running: TestSandbox | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('the end-to-end sandbox helper', () => {
  test('given a started sandbox, then it creates sessions for an origin and exposes the inbox and charges', async () => {
    running = await startTestSandbox();
    const sb = running;
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const session = await sb.createSession({ origin: 'http://localhost:5173', mode: 'subscription', subscription_config_id: 'subconf_pro' });
    expect(session.checkoutSessionId).toMatch(/^cs_/);
    expect(session.secret.length).toBeGreaterThanOrEqual(22);

    const start = await fetch(`${sb.url}/api/flow/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: session.secret, parent_origin: 'http://localhost:5173' }),
    }).then((r) => r.json() as Promise<{ flow_token: string }>);
    await fetch(`${sb.url}/api/flow/phone/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${start.flow_token}` },
      body: JSON.stringify({ phone: testPhone(5) }),
    });
    expect(await sb.latestCode(testPhone(5))).toBe(TEST_CODE);
    expect((await sb.inbox()).map((m) => m.phone)).toEqual([testPhone(5)]);
    expect(await sb.charges()).toEqual([]);
    await expect(sb.createSession({ origin: 'http://example.com' })).rejects.toThrow(/400/);
  });
});
