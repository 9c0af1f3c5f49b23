import { describe, expect, test } from 'vitest';
import { ORIGIN, secretOf, startHarness, testPhone } from './harness';

const ADA = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' };

describe('wallet step', () => {
  test('given a new number, when verified, then no wallet exists and creating one answers a new connection', async () => {
    const h = await startHarness();
    const session = await h.createSession({ reference_id: 'user_7' });
    const { token, verify } = await h.verify(secretOf(session), testPhone(80));
    expect(verify.wallet).toEqual({ exists: false });
    const state = await h.flow('GET', 'state', token);
    expect(state.json).toEqual({ step: 'wallet', verified: true, phone_masked: '+1 •••• ••80', wallet_exists: false });
    const res = await h.flow('POST', 'wallet', token, { first_name: '  Ada ', last_name: 'Lovelace', email: 'ADA@example.com ' });
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(true);
    expect(res.json.connection_id).toMatch(/^conn_/);
    const conn = await h.rest('GET', `connections/${res.json.connection_id}`);
    expect(conn.json).toMatchObject({ reference_id: 'user_7', customer: { first_name: 'Ada', email: 'ada@example.com' } });
    expect((await h.flow('GET', 'state', token)).json).toMatchObject({ step: 'amount', connection_id: res.json.connection_id });
  });

  test('given a known number in a new merchant session, then verify previews the wallet and link connects it once', async () => {
    const h = await startHarness();
    const first = await h.onboard(testPhone(81), ADA);
    await h.rest('DELETE', `connections/${first}`);
    const session = await h.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const { token, verify } = await h.verify(secretOf(session), testPhone(81));
    expect(verify.wallet).toEqual({
      exists: true,
      already_linked: false,
      preview: { first_name_initial: 'A', last_name_initial: 'L', email_masked: 'a•••@example.com', phone_masked: '+1 •••• ••81' },
    });
    const a = await h.flow('POST', 'wallet/link', token, {});
    expect(a.json.created).toBe(true);
    const b = await h.flow('POST', 'wallet/link', token, {});
    expect(b.json).toEqual({ connection_id: a.json.connection_id, created: false });
    expect((await h.flow('GET', 'state', token)).json.step).toBe('plan');
  });

  test('given a wallet already linked to this merchant, then verify says so and link answers the same connection', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(82), ADA);
    const session = await h.createSession();
    const { token, verify } = await h.verify(secretOf(session), testPhone(82));
    expect(verify.wallet.already_linked).toBe(true);
    expect((await h.flow('POST', 'wallet/link', token, {})).json).toEqual({ connection_id: conn, created: false });
  });

  test('given a known number, when creating a wallet, then 409 conflict', async () => {
    const h = await startHarness();
    await h.onboard(testPhone(83), ADA);
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(83));
    const res = await h.flow('POST', 'wallet', token, ADA);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
  });

  test('given a new number, when linking, then 404 not_found', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(84));
    expect((await h.flow('POST', 'wallet/link', token, {})).status).toBe(404);
  });

  test.each([
    ['an empty first name', { ...ADA, first_name: '  ' }, /first name/],
    ['a missing last name', { first_name: 'Ada', email: 'ada@example.com' }, /last name/],
    ['a very long name', { ...ADA, last_name: 'x'.repeat(81) }, /last name/],
    ['a control character', { ...ADA, first_name: 'A\u0000da' }, /first name/],
    ['an email without @', { ...ADA, email: 'ada.example.com' }, /email/],
    ['an email without a domain dot', { ...ADA, email: 'ada@example' }, /email/],
    ['an email with spaces', { ...ADA, email: 'a da@example.com' }, /email/],
    ['a numeric email', { ...ADA, email: 42 }, /email/],
  ])('given %s, then 400 invalid_wallet_details naming the field', async (_n, body, message) => {
    const h = await startHarness();
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(85));
    const res = await h.flow('POST', 'wallet', token, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_wallet_details');
    expect(res.json.error.message).toMatch(message);
  });

  test('given an unverified flow token, then wallet and link are 403 forbidden', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const start = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect((await h.flow('POST', 'wallet', start.json.flow_token, ADA)).status).toBe(403);
    expect((await h.flow('POST', 'wallet/link', start.json.flow_token, {})).json.error.code).toBe('forbidden');
  });

  test('given a topup session, then another number is answered like the owner\'s but gets no code and never verifies, and link answers that connection', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(86), ADA);
    await h.onboard(testPhone(87), ADA);
    const session = await h.createSession({ checkout_mode: 'topup', connection_id: conn });
    const start = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    const inboxBefore = await (await fetch(`${h.sandbox.url}/sandbox/inbox?phone=${encodeURIComponent(testPhone(87))}`)).json();
    const other = await h.flow('POST', 'phone/send', start.json.flow_token, { phone: testPhone(87) });
    expect(other.status).toBe(200);
    expect(other.json).toEqual({ phone_masked: '+1 •••• ••87', resend_after: 30, expires_in: 600 });
    expect(await (await fetch(`${h.sandbox.url}/sandbox/inbox?phone=${encodeURIComponent(testPhone(87))}`)).json()).toEqual(inboxBefore);
    const wrong = await h.flow('POST', 'phone/verify', start.json.flow_token, { code: '000000' });
    expect(wrong.json.error.code).toBe('code_invalid');
    h.clock.advance(31_000);
    const { token, verify } = await h.verify(secretOf(session), testPhone(86));
    expect(verify.wallet.already_linked).toBe(true);
    expect((await h.flow('POST', 'wallet', token, ADA)).status).toBe(403);
    expect((await h.flow('POST', 'wallet/link', token, {})).json).toEqual({ connection_id: conn, created: false });
  });
});
