import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../src/contract/token';
import { ORIGIN, startHarness, testPhone } from './harness';

describe('POST /v1/checkout_sessions', () => {
  test('given an onboarding request, then it answers a cs_ session whose token decodes to { secret, base }', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', {
      checkout_mode: 'onboarding',
      origin_url: ORIGIN,
      reference_id: 'user_42',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      checkout_mode: 'onboarding',
      origin_url: ORIGIN,
      reference_id: 'user_42',
      status: 'open',
    });
    expect(res.json.checkout_session_id).toMatch(/^cs_[0-9a-f]{24}$/);
    const token = decodeToken(res.json.checkout_session_token);
    expect(token.base).toBe(`${h.sandbox.url}/`);
    // >= 128 random bits: 24 bytes base64url
    expect(token.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Date.parse(res.json.expires_at) - Date.parse(res.json.created_at)).toBe(60 * 60_000);
  });

  test('given two sessions, then their secrets differ', async () => {
    const h = await startHarness();
    const a = decodeToken((await h.createSession()).checkout_session_token).secret;
    const b = decodeToken((await h.createSession()).checkout_session_token).secret;
    expect(a).not.toBe(b);
  });

  test('given a configured TTL, then expires_at follows it', async () => {
    const h = await startHarness({ sessionTtlMs: 5 * 60_000 });
    const s = await h.createSession();
    expect(Date.parse(s.expires_at) - Date.parse(s.created_at)).toBe(5 * 60_000);
  });

  test('given subscription mode with a plan, then the session carries the plan', async () => {
    const h = await startHarness();
    const s = await h.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    expect(s.subscription_config_id).toBe('subconf_pro');
  });

  test('given topup and credit_bundle with an existing connection, then both are created', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(1));
    const topup = await h.createSession({ checkout_mode: 'topup', connection_id: conn });
    expect(topup.connection_id).toBe(conn);
    const bundle = await h.createSession({ checkout_mode: 'credit_bundle', connection_id: conn, credit_bundle_id: 'cb_pro_25' });
    expect(bundle).toMatchObject({ connection_id: conn, credit_bundle_id: 'cb_pro_25' });
  });

  test.each([
    ['https origin', 'https://shop.example.com', true],
    ['https origin with port', 'https://shop.example.com:8443', true],
    ['http localhost', 'http://localhost:3000', true],
    ['http 127.0.0.1', 'http://127.0.0.1:8080', true],
    ['trailing slash', 'https://shop.example.com/', true],
    ['http on a public host', 'http://shop.example.com', false],
    ['a path', 'https://shop.example.com/checkout', false],
    ['a query', 'https://shop.example.com/?a=1', false],
    ['a hash', 'https://shop.example.com/#x', false],
    ['credentials', 'https://user:pw@shop.example.com', false],
    ['not a URL', 'shop.example.com', false],
    ['another scheme', 'ftp://shop.example.com', false],
  ])('given origin_url with %s, then accepted is %s', async (_name, origin_url, ok) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', { checkout_mode: 'onboarding', origin_url });
    expect(res.status).toBe(ok ? 200 : 400);
    if (!ok) expect(res.json.error.code).toBe('invalid_request');
  });

  test.each([
    ['no checkout_mode', { origin_url: ORIGIN }, /checkout_mode/],
    ['an unknown checkout_mode', { checkout_mode: 'gift', origin_url: ORIGIN }, /checkout_mode/],
    ['no origin_url', { checkout_mode: 'onboarding' }, /origin_url/],
    ['origin_url as a number', { checkout_mode: 'onboarding', origin_url: 42 }, /origin_url/],
    ['topup without a connection', { checkout_mode: 'topup', origin_url: ORIGIN }, /connection_id/],
    ['credit_bundle without a connection', { checkout_mode: 'credit_bundle', origin_url: ORIGIN, credit_bundle_id: 'cb_pro_25' }, /connection_id/],
    ['subscription without a plan', { checkout_mode: 'subscription', origin_url: ORIGIN }, /subscription_config_id/],
    ['a plan on an onboarding session', { checkout_mode: 'onboarding', origin_url: ORIGIN, subscription_config_id: 'subconf_pro' }, /subscription_config_id/],
    ['reference_id as an object', { checkout_mode: 'onboarding', origin_url: ORIGIN, reference_id: {} }, /reference_id/],
  ])('given %s, then 400 invalid_request naming the field', async (_name, body, message) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toMatch(message);
  });

  test('given credit_bundle with a connection but no bundle, then 400 names credit_bundle_id', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(2));
    const res = await h.rest('POST', 'checkout_sessions', { checkout_mode: 'credit_bundle', origin_url: ORIGIN, connection_id: conn });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/credit_bundle_id/);
  });

  test.each([
    ['connection', { checkout_mode: 'topup', connection_id: 'conn_nope' }],
    ['subscription config', { checkout_mode: 'subscription', subscription_config_id: 'subconf_nope' }],
  ])('given an unknown %s id, then 404 not_found', async (_what, body) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', { origin_url: ORIGIN, ...body });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  test('given an unknown credit bundle id, then 404 not_found', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(3));
    const res = await h.rest('POST', 'checkout_sessions', {
      checkout_mode: 'credit_bundle',
      origin_url: ORIGIN,
      connection_id: conn,
      credit_bundle_id: 'cb_nope',
    });
    expect(res.status).toBe(404);
  });
});

describe('GET /v1/checkout_sessions', () => {
  test('given sessions, then retrieve answers one and list pages through all, newest first', async () => {
    const h = await startHarness();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.createSession({ reference_id: `u${i}` })).checkout_session_id);
    const one = await h.rest('GET', `checkout_sessions/${ids[2]}`);
    expect(one.status).toBe(200);
    expect(one.json.reference_id).toBe('u2');

    const first = await h.rest('GET', 'checkout_sessions?limit=2');
    expect(first.json.data.map((s: { checkout_session_id: string }) => s.checkout_session_id)).toEqual([ids[4], ids[3]]);
    expect(first.json.has_more).toBe(true);
    const second = await h.rest('GET', `checkout_sessions?limit=2&cursor=${first.json.next_cursor}`);
    const third = await h.rest('GET', `checkout_sessions?limit=2&cursor=${second.json.next_cursor}`);
    expect(third.json.data.map((s: { checkout_session_id: string }) => s.checkout_session_id)).toEqual([ids[0]]);
    expect(third.json.has_more).toBe(false);
    expect(third.json.next_cursor).toBeUndefined();
  });

  test('given reference_id, then the list is filtered', async () => {
    const h = await startHarness();
    await h.createSession({ reference_id: 'a' });
    await h.createSession({ reference_id: 'b' });
    const res = await h.rest('GET', 'checkout_sessions?reference_id=b');
    expect(res.json.data).toHaveLength(1);
    expect(res.json.data[0].reference_id).toBe('b');
  });

  test('given an expired session, then retrieve reports status expired', async () => {
    const h = await startHarness();
    const s = await h.createSession();
    h.clock.advance(60 * 60_000);
    const res = await h.rest('GET', `checkout_sessions/${s.checkout_session_id}`);
    expect(res.json.status).toBe('expired');
  });

  test('given an unknown id, then 404', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'checkout_sessions/cs_nope');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});
