import { describe, expect, test } from 'vitest';
import { GOOD_CARD, type Harness, newKey, ORIGIN, readyToPay, secretOf, startHarness, testPhone } from './harness';

const start = (h: Harness, secret: string, extra: Record<string, unknown> = {}) =>
  h.flow('POST', 'start', null, { secret, parent_origin: ORIGIN, ...extra });

/** What a start that proved nothing answers: the phone step, nothing about the customer. */
const AT_PHONE = { step: 'phone', verified: false };

describe('resume after a reload: only with the verified flow token this browser kept', () => {
  test('given the verified token as proof, then start resumes at the wallet step with a new token, and the old one stops working', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(10));
    const again = await start(h, secretOf(session), { flow_token: token });
    expect(again.json.progress).toEqual({ step: 'wallet', verified: true, phone_masked: '+1 •••• ••10', wallet_exists: false });
    const rotated = again.json.flow_token;
    expect(rotated).not.toBe(token);
    // The old token is spent: as a bearer and as a proof.
    expect((await h.flow('GET', 'state', token)).json.error.code).toBe('unauthorized');
    expect((await start(h, secretOf(session), { flow_token: token })).json.progress).toEqual(AT_PHONE);
    // The new one carries the verified phone (it may create the wallet) and proves the next reload.
    const wallet = await h.flow('POST', 'wallet', rotated, { first_name: 'Ada', last_name: 'L', email: 'a@example.com' });
    expect(wallet.status).toBe(200);
    const third = await start(h, secretOf(session), { flow_token: rotated });
    expect(third.json.progress).toMatchObject({ step: 'amount', verified: true, connection_id: wallet.json.connection_id });
  });

  test('given only the session secret (another browser, a script with no Origin), then start answers the phone step and nothing about the customer', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(11));
    for (const extra of [{}, { flow_token: undefined }, { flow_token: null }, { flow_token: 'A'.repeat(32) }, { flow_token: 'short' }]) {
      const res = await start(h, secretOf(session), extra);
      expect(res.status).toBe(200);
      expect(res.json.progress).toEqual(AT_PHONE);
      expect(JSON.stringify(res.json)).not.toMatch(/••11|5550111/);
      expect((await h.flow('POST', 'wallet', res.json.flow_token, { first_name: 'Eve', last_name: 'X', email: 'e@example.com' })).status).toBe(403);
    }
    // The customer's own browser is untouched by those starts and still resumes.
    expect((await h.flow('GET', 'state', token)).json).toMatchObject({ step: 'wallet', verified: true });
    expect((await start(h, secretOf(session), { flow_token: token })).json.progress).toMatchObject({ step: 'wallet', verified: true });
  });

  test('given an unverified token, a token of another session or the legacy path, then nothing is resumed', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const unverified = (await start(h, secretOf(session))).json.flow_token;
    expect((await start(h, secretOf(session), { flow_token: unverified })).json.progress).toEqual(AT_PHONE);

    const { token } = await h.verify(secretOf(session), testPhone(12));
    const other = await h.createSession();
    expect((await start(h, secretOf(other), { flow_token: token })).json.progress).toEqual(AT_PHONE);
    const legacy = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: null, flow_token: token });
    expect(legacy.json.progress).toEqual(AT_PHONE);
    // Neither spent the customer's token.
    expect((await start(h, secretOf(session), { flow_token: token })).json.progress).toMatchObject({ step: 'wallet', verified: true });
  });

  test('given a top-up session with a saved card, when a start proves nothing, then no saved card is listed and nothing can be paid', async () => {
    const h = await startHarness();
    const first = await readyToPay(h, testPhone(13));
    const pi = await h.flow('POST', 'payment/intent', first.token, { amount: '10.00', idempotency_key: newKey() });
    const paid = await h.flow('POST', 'payment/confirm', first.token, { intent_id: pi.json.intent_id, idempotency_key: newKey(), card: GOOD_CARD, save_card: true });
    const connection = paid.json.connection_id;
    const topup = await readyToPay(h, testPhone(13), { checkout_mode: 'topup', connection_id: connection });

    const thief = await start(h, secretOf(topup.session));
    expect(thief.json.progress).toEqual(AT_PHONE);
    const refused = await h.flow('POST', 'payment/intent', thief.json.flow_token, { amount: '1000.00', idempotency_key: newKey() });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain('4242');
    expect((await h.rest('GET', `connections/${connection}`)).json.wallet.balance).toBe('10.00');
  });

  test('given a browser that keeps the token in the partitioned cookie (no storage in the frame), then the cookie proves it and is rotated', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const sid = session.checkout_session_id;
    const started = await start(h, secretOf(session));
    await h.flow('POST', 'phone/send', started.json.flow_token, { phone: testPhone(15) });
    const verify = await h.flow('POST', 'phone/verify', started.json.flow_token, { code: '000000' });
    const set = verify.headers.get('set-cookie') ?? '';
    expect(set).toBe(
      `lava_flow_${sid}=${verify.json.flow_token}; Max-Age=3600; Path=/api/flow/start; HttpOnly; Secure; SameSite=None; Partitioned`,
    );
    const withCookie = (token: string) =>
      fetch(`${h.sandbox.url}/api/flow/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `lava_flow_${sid}=${token}` },
        body: JSON.stringify({ secret: secretOf(session), parent_origin: ORIGIN }),
      });
    const resumed = await withCookie(verify.json.flow_token);
    const body = (await resumed.json()) as { flow_token: string; progress: unknown };
    expect(body.progress).toMatchObject({ step: 'wallet', verified: true });
    expect(resumed.headers.get('set-cookie')).toContain(`lava_flow_${sid}=${body.flow_token};`);
    // The spent cookie proves nothing and is cleared.
    const stale = await withCookie(verify.json.flow_token);
    expect(((await stale.json()) as { progress: unknown }).progress).toEqual(AT_PHONE);
    expect(stale.headers.get('set-cookie')).toMatch(new RegExp(`^lava_flow_${sid}=; Max-Age=0;`));
  });

  test('given a flow_token that is not a string, then 400 invalid_request', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    for (const flow_token of [12, ['x'.repeat(32)], { token: 'x'.repeat(32) }]) {
      const res = await start(h, secretOf(session), { flow_token });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
    }
  });

  test('given a start that proved nothing after the customer verified, then getResult still answers the wallet step', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    await h.verify(secretOf(session), testPhone(14));
    await start(h, secretOf(session));
    const res = await fetch(`${h.sandbox.url}/api/checkout/result`, { method: 'POST', body: JSON.stringify({ secret: secretOf(session) }) });
    expect(await res.json()).toEqual({ status: 'open', step: 'wallet', checkoutSessionId: session.checkout_session_id });
  });
});
