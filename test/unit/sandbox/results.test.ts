import { describe, expect, test } from 'vitest';
import { type Harness, ORIGIN, secretOf, startHarness, testPhone } from './harness';

async function ask(h: Harness, init: { secret?: string; origin?: string; bearer?: string }) {
  const headers: Record<string, string> = { 'content-type': 'text/plain' };
  if (init.origin) headers.origin = init.origin;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  const res = await fetch(`${h.sandbox.url}/api/checkout/result`, {
    method: 'POST',
    headers,
    body: init.secret === undefined ? undefined : JSON.stringify({ secret: init.secret }),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

describe('POST /api/checkout/result', () => {
  test('given a fresh session, then it is open at the phone step, for the session origin only', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const res = await ask(h, { secret: secretOf(session), origin: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'open', step: 'phone', checkoutSessionId: session.checkout_session_id });
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  test('given a verified phone, then it answers the wallet step and nothing personal', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    await h.verify(secretOf(session), testPhone(41));
    const res = await ask(h, { bearer: secretOf(session) });
    expect(res.json).toEqual({ status: 'open', step: 'wallet', checkoutSessionId: session.checkout_session_id });
    // Neither the number nor its masked form (long enough not to occur by chance in a random id).
    expect(JSON.stringify(res.json)).not.toMatch(/5550141|•/);
  });

  test('given a completed session, then it answers the success with the connection', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    h.sandbox.db
      .prepare('UPDATE checkout_sessions SET completed_at = ?, completed_connection_id = ? WHERE id = ?')
      .run(h.clock.now, 'conn_x', session.checkout_session_id);
    const res = await ask(h, { secret: secretOf(session), origin: ORIGIN });
    expect(res.json).toEqual({ status: 'success', connectionId: 'conn_x', checkoutSessionId: session.checkout_session_id });
  });

  test('given an expired session, then it answers session_expired', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    h.clock.advance(48 * 3600_000);
    const res = await ask(h, { secret: secretOf(session) });
    expect(res.json).toMatchObject({ status: 'error', code: 'session_expired' });
  });

  test('given another site, then it refuses without a CORS grant or the result', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const res = await ask(h, { secret: secretOf(session), origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.json).toMatchObject({ status: 'error', code: 'origin_mismatch' });
    expect(JSON.stringify(res.json)).not.toContain('open');
  });

  test('given a preflight, then every origin gets the same answer, whether or not a session was made for it', async () => {
    const h = await startHarness();
    await h.createSession();
    const pre = async (origin: string) => {
      const res = await fetch(`${h.sandbox.url}/api/checkout/result`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      return { status: res.status, grant: res.headers.get('access-control-allow-origin') };
    };
    expect(await pre(ORIGIN)).toEqual({ status: 204, grant: ORIGIN });
    expect(await pre('https://evil.example')).toEqual({ status: 204, grant: 'https://evil.example' });
  });

  test('given a wrong secret, then session_not_found', async () => {
    const h = await startHarness();
    const res = await ask(h, { secret: 'x'.repeat(32), origin: ORIGIN });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ status: 'error', code: 'session_not_found' });
  });
});
