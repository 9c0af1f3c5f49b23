import { describe, expect, test } from 'vitest';
import { OTP_LIMITS, TEST_CODE } from '../../../src/sandbox/index';
import { type Harness, latestCode, ORIGIN, secretOf, startHarness, testPhone } from './harness';

const REAL_PHONE = '+14155550123';

async function started(h: Harness): Promise<string> {
  const session = await h.createSession();
  const res = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
  return res.json.flow_token;
}

function wrongCode(code: string): string {
  return code === '123456' ? '654321' : '123456';
}

describe('sending a code', () => {
  test('given a real-looking number, then a random 6-digit code reaches the inbox and the log, and only its hash is stored', async () => {
    const h = await startHarness();
    const token = await started(h);
    const res = await h.flow('POST', 'phone/send', token, { phone: REAL_PHONE });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ phone_masked: '+1 •••• ••23', resend_after: 30, expires_in: 600 });
    const code = await latestCode(h, REAL_PHONE);
    expect(code).toMatch(/^\d{6}$/);
    expect(h.lines.some((l) => l.includes(REAL_PHONE) && l.includes(code))).toBe(true);
    const stored = h.sandbox.db.prepare('SELECT code_hash FROM otp_codes').get() as { code_hash: string };
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.code_hash).not.toContain(code);
  });

  test('given a test number, then the code is always 000000', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: testPhone(99) });
    expect(await latestCode(h, testPhone(99))).toBe(TEST_CODE);
  });

  test('given a number with or without a wallet, then the answers are identical apart from the masked digits', async () => {
    const h = await startHarness();
    await h.onboard(testPhone(11));
    const known = await h.flow('POST', 'phone/send', await started(h), { phone: testPhone(11) });
    const unknown = await h.flow('POST', 'phone/send', await started(h), { phone: testPhone(12) });
    expect(known.status).toBe(unknown.status);
    expect({ ...known.json, phone_masked: '' }).toEqual({ ...unknown.json, phone_masked: '' });
  });

  test.each([['4155550100'], ['+1415'], ['+1 415 555 0100'], ['+10000000000'], [14155550100], [null]])(
    'given the phone %s, then 400 invalid_phone',
    async (phone) => {
      const h = await startHarness();
      const res = await h.flow('POST', 'phone/send', await started(h), { phone });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_phone');
    },
  );
});

describe('verifying a code', () => {
  test('given the right code, then a fresh flow token replaces the old one and the code cannot be used again', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: REAL_PHONE });
    const code = await latestCode(h, REAL_PHONE);
    const ok = await h.flow('POST', 'phone/verify', token, { code });
    expect(ok.status).toBe(200);
    expect(ok.json.flow_token).not.toBe(token);
    // the pre-verification credential is dead
    expect((await h.flow('POST', 'phone/verify', token, { code })).status).toBe(401);
    expect((await h.flow('GET', 'state', token)).status).toBe(401);
    // reuse with the new credential: no code is waiting for it
    const reuse = await h.flow('POST', 'phone/verify', ok.json.flow_token, { code });
    expect(reuse.status).toBe(400);
    expect(reuse.json.error.code).toBe('code_invalid');
  });

  test('given a code still valid at 9:59, then it verifies; at 10:00, then code_expired', async () => {
    const h = await startHarness();
    const a = await started(h);
    await h.flow('POST', 'phone/send', a, { phone: testPhone(13) });
    h.clock.advance(OTP_LIMITS.codeTtlMs - 1000);
    expect((await h.flow('POST', 'phone/verify', a, { code: TEST_CODE })).status).toBe(200);

    const b = await started(h);
    await h.flow('POST', 'phone/send', b, { phone: testPhone(14) });
    h.clock.advance(OTP_LIMITS.codeTtlMs);
    const res = await h.flow('POST', 'phone/verify', b, { code: TEST_CODE });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('code_expired');
  });

  test('given 5 wrong codes, then the code is dead even for the right code', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: REAL_PHONE });
    const code = await latestCode(h, REAL_PHONE);
    const codes: string[] = [];
    for (let i = 0; i < OTP_LIMITS.maxAttempts; i++) {
      codes.push((await h.flow('POST', 'phone/verify', token, { code: wrongCode(code) })).json.error.code);
    }
    expect(codes).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_attempts_exceeded']);
    const right = await h.flow('POST', 'phone/verify', token, { code });
    expect(right.json.error.code).toBe('code_attempts_exceeded');
  });

  test('given a test number, then the 5-try limit still applies', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: testPhone(15) });
    for (let i = 0; i < OTP_LIMITS.maxAttempts; i++) await h.flow('POST', 'phone/verify', token, { code: '111111' });
    expect((await h.flow('POST', 'phone/verify', token, { code: TEST_CODE })).json.error.code).toBe('code_attempts_exceeded');
  });

  test('given a wrong try, then the message counts the tries left', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: testPhone(16) });
    const res = await h.flow('POST', 'phone/verify', token, { code: '111111' });
    expect(res.json.error.message).toMatch(/4 tries left/);
  });

  test('given a resend, then the earlier code no longer verifies and the new one does', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: REAL_PHONE });
    const first = await latestCode(h, REAL_PHONE);
    h.clock.advance(OTP_LIMITS.resendCooldownMs);
    await h.flow('POST', 'phone/send', token, { phone: REAL_PHONE });
    const second = await latestCode(h, REAL_PHONE);
    if (first !== second) expect((await h.flow('POST', 'phone/verify', token, { code: first })).status).toBe(400);
    expect((await h.flow('POST', 'phone/verify', token, { code: second })).status).toBe(200);
  });

  test.each([['12345'], ['abcdef'], [123456], ['1234567']])('given the code %s, then 400 code_invalid', async (code) => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: testPhone(17) });
    expect((await h.flow('POST', 'phone/verify', token, { code })).json.error.code).toBe('code_invalid');
  });

  test('given no code was sent, then verify is code_invalid', async () => {
    const h = await startHarness();
    const res = await h.flow('POST', 'phone/verify', await started(h), { code: '000000' });
    expect(res.json.error.code).toBe('code_invalid');
  });
});

describe('send limits', () => {
  test('given a second send within 30 s in a session, then 429 rate_limited with retry_after and Retry-After', async () => {
    const h = await startHarness();
    const token = await started(h);
    await h.flow('POST', 'phone/send', token, { phone: testPhone(18) });
    h.clock.advance(10_000);
    const res = await h.flow('POST', 'phone/send', token, { phone: testPhone(18) });
    expect(res.status).toBe(429);
    expect(res.json.error).toMatchObject({ code: 'rate_limited', retry_after: 20 });
    expect(res.headers.get('retry-after')).toBe('20');
    h.clock.advance(20_000);
    expect((await h.flow('POST', 'phone/send', token, { phone: testPhone(18) })).status).toBe(200);
  });

  test('given 5 sends to one real number across sessions within an hour, then the 6th is refused until the window passes', async () => {
    const h = await startHarness();
    for (let i = 0; i < OTP_LIMITS.perPhoneMax; i++) {
      expect((await h.flow('POST', 'phone/send', await started(h), { phone: REAL_PHONE })).status).toBe(200);
      h.clock.advance(OTP_LIMITS.resendCooldownMs);
    }
    const refused = await h.flow('POST', 'phone/send', await started(h), { phone: REAL_PHONE });
    expect(refused.status).toBe(429);
    expect(refused.json.error.retry_after).toBeGreaterThan(0);
    h.clock.advance(refused.json.error.retry_after * 1000);
    expect((await h.flow('POST', 'phone/send', await started(h), { phone: REAL_PHONE })).status).toBe(200);
  });

  test('given a test number, then there is no per-phone limit across sessions', async () => {
    const h = await startHarness();
    for (let i = 0; i < OTP_LIMITS.perPhoneMax + 2; i++) {
      expect((await h.flow('POST', 'phone/send', await started(h), { phone: testPhone(19) })).status).toBe(200);
    }
  });

  test('given 5 sends in one session, then the 6th is refused even for test numbers', async () => {
    const h = await startHarness();
    const token = await started(h);
    for (let i = 0; i < OTP_LIMITS.perSessionMax; i++) {
      expect((await h.flow('POST', 'phone/send', token, { phone: testPhone(50 + i) })).status).toBe(200);
      h.clock.advance(OTP_LIMITS.resendCooldownMs);
    }
    const res = await h.flow('POST', 'phone/send', token, { phone: testPhone(59) });
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('rate_limited');
  });
});
