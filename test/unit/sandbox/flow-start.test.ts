import { describe, expect, test } from 'vitest';
import { ORIGIN, secretOf, startHarness, testPhone } from './harness';

describe('POST /api/flow/start', () => {
  test('given a subscription session and the right parent origin, then it answers what the app renders', async () => {
    const h = await startHarness();
    const session = await h.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      checkout_session_id: session.checkout_session_id,
      mode: 'subscription',
      merchant: { name: 'Acme AI' },
      origin: ORIGIN,
      expires_at: session.expires_at,
      plan: {
        subscription_config_id: 'subconf_pro',
        name: 'Pro Plan',
        period_amount: '49.00',
        billing_interval: 'month',
        included_credit: '25.00',
        rollover_type: 'full',
        bundle_rollover_type: 'full',
      },
      amounts: { currency: 'USD', min: '5.00', max: '1000.00', presets: ['10.00', '25.00', '50.00', '100.00'] },
      processor: { kind: 'sandbox' },
      progress: { step: 'phone', verified: false },
    });
    expect(res.json.flow_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  test('given a credit_bundle session, then it answers the bundle and the connection with a masked phone', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(70));
    const session = await h.createSession({ checkout_mode: 'credit_bundle', connection_id: conn, credit_bundle_id: 'cb_pro_100' });
    const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(res.json.credit_bundle).toEqual({ credit_bundle_id: 'cb_pro_100', name: '$100 Top-up', cost: '90.00', credit_amount: '100.00' });
    expect(res.json.connection).toEqual({ connection_id: conn, phone_masked: '+1 •••• ••70' });
  });

  test('given a parent origin other than the session origin, then 403 origin_mismatch', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    for (const parent of ['http://localhost:5174', 'https://localhost:5173', 'http://evil.example', 'http://localhost:5173/']) {
      const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: parent });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('origin_mismatch');
    }
  });

  test('given parent_origin null (legacy embed path), then start succeeds', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: null });
    expect(res.status).toBe(200);
  });

  test('given an unknown or malformed secret, then 404 session_not_found', async () => {
    const h = await startHarness();
    for (const secret of ['A'.repeat(32), 'short', '../../etc/passwd']) {
      const res = await h.flow('POST', 'start', null, { secret, parent_origin: ORIGIN });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('session_not_found');
    }
  });

  test('given the session has expired (clock moved 60 minutes), then 410 session_expired', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    h.clock.advance(60 * 60_000 - 1);
    expect((await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN })).status).toBe(200);
    h.clock.advance(1);
    const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe('session_expired');
  });

  test('given a completed session, then 409 session_used', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    h.sandbox.db.prepare('UPDATE checkout_sessions SET completed_at = ? WHERE id = ?').run(h.clock.now, session.checkout_session_id);
    const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('session_used');
  });

  test('given a flow token, when the session expires, then later calls answer session_expired', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const start = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    h.clock.advance(61 * 60_000);
    const res = await h.flow('POST', 'phone/send', start.json.flow_token, { phone: testPhone(71) });
    expect(res.json.error.code).toBe('session_expired');
  });

  test.each([
    ['no secret', { parent_origin: ORIGIN }],
    ['a numeric secret', { secret: 12, parent_origin: ORIGIN }],
    ['a numeric parent_origin', { secret: 'x'.repeat(32), parent_origin: 5 }],
  ])('given %s, then 400 invalid_request', async (_n, body) => {
    const h = await startHarness();
    const res = await h.flow('POST', 'start', null, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
  });

  test('given calls without or with a made-up flow token, then 401 unauthorized', async () => {
    const h = await startHarness();
    for (const [method, path] of [
      ['POST', 'phone/send'],
      ['POST', 'phone/verify'],
      ['POST', 'wallet'],
      ['POST', 'wallet/link'],
      ['GET', 'state'],
    ] as const) {
      expect((await h.flow(method, path, null, method === 'POST' ? {} : undefined)).status).toBe(401);
      expect((await h.flow(method, path, 'B'.repeat(32), method === 'POST' ? {} : undefined)).json.error.code).toBe('unauthorized');
    }
  });
});

describe('flow API origin', () => {
  test('given a browser request from another page, then 403; from the sandbox itself, then it is served', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const body = JSON.stringify({ secret: secretOf(session), parent_origin: ORIGIN });
    const post = (origin: string) =>
      fetch(`${h.sandbox.url}/api/flow/start`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body });
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await post('null')).status).toBe(403);
    expect((await post(h.sandbox.url)).status).toBe(200);
  });
});

test('given an extra app origin (a dev server), then its browser requests are served', async () => {
  const h = await startHarness({ appOrigins: ['http://localhost:5174'] });
  const session = await h.createSession();
  const res = await fetch(`${h.sandbox.url}/api/flow/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5174' },
    body: JSON.stringify({ secret: secretOf(session), parent_origin: ORIGIN }),
  });
  expect(res.status).toBe(200);
});

test('given a public URL (behind a proxy), then tokens carry it and browser requests from that origin are served', async () => {
  const h = await startHarness({ publicUrl: 'https://sandbox.example.test/' });
  const local = `http://127.0.0.1:${h.sandbox.port}`;
  const created = await fetch(`${local}/v1/checkout_sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.sandbox.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: ORIGIN }),
  }).then((r) => r.json() as Promise<{ checkout_session_token: string }>);
  expect(JSON.parse(Buffer.from(created.checkout_session_token, 'base64').toString()).base).toBe('https://sandbox.example.test/');
  const res = await fetch(`${local}/api/flow/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://sandbox.example.test' },
    body: JSON.stringify({ secret: secretOf(created), parent_origin: ORIGIN }),
  });
  expect(res.status).toBe(200);
});
