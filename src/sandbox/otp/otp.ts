import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { safeEqual } from '../../webhooks/safe-equal';
import type { Db } from '../storage/db';
import { ApiError } from '../http/errors';
import { OTP_LIMITS } from './limits';
import { isTestPhone, TEST_CODE } from './phone';

export interface OtpDeps {
  db: Db;
  key: Buffer;
  now: () => number;
  /** Delivers the code (sandbox: inbox + terminal). */
  deliver: (phone: string, code: string, sentAt: number) => void;
}

interface OtpRow {
  id: number;
  session_id: string;
  token_hash: string;
  phone: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  attempts: number;
  consumed_at: number | null;
}

function hashCode(key: Buffer, otpId: number, code: string): string {
  return createHmac('sha256', key).update(`${otpId}:${code}`).digest('hex');
}

function retryAfter(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function limited(waitMs: number): ApiError {
  const seconds = retryAfter(waitMs);
  return new ApiError('rate_limited', `Too many codes requested. Try again in ${seconds} seconds.`, { retryAfter: seconds });
}

/** One request for a code, as the phone step makes it. */
export interface CodeRequest {
  sessionId: string;
  /** The flow credential asking; only its newest code can be verified. */
  tokenHash: string;
  phone: string;
  /** The merchant is in test mode: only then do test numbers get the fixed code (and skip the per-phone limit). */
  testMode: boolean;
  /**
   * False for a number that is not the account the checkout is for: the request is counted
   * against the same limits and answered alike, but no code is sent and none verifies.
   */
  deliver: boolean;
}

/**
 * Sends a new code for `request.phone` within a session, for one flow credential. The answer never
 * depends on whether a wallet exists for the number, nor on whether it is the session's account.
 */
export function sendCode(deps: OtpDeps, request: CodeRequest) {
  const { sessionId, tokenHash, phone } = request;
  const testNumber = request.testMode && isTestPhone(phone);
  const now = deps.now();
  const since = now - OTP_LIMITS.windowMs;
  return deps.db.transaction(() => {
    const bySession = deps.db
      .prepare('SELECT created_at FROM otp_codes WHERE session_id = ? AND created_at > ? ORDER BY created_at')
      .all(sessionId, since) as Array<{ created_at: number }>;
    checkWindow(bySession, now);
    if (!testNumber) {
      const byPhone = deps.db
        .prepare('SELECT created_at FROM otp_codes WHERE phone = ? AND created_at > ? ORDER BY created_at')
        .all(phone, since) as Array<{ created_at: number }>;
      checkWindow(byPhone, now, OTP_LIMITS.perPhoneMax);
    }
    const code = testNumber ? TEST_CODE : String(randomInt(0, 1_000_000)).padStart(6, '0');
    // Older codes of this credential die: only the newest one can be verified.
    deps.db
      .prepare('UPDATE otp_codes SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL')
      .run(now, tokenHash);
    const info = deps.db
      .prepare(
        `INSERT INTO otp_codes (session_id, token_hash, phone, code_hash, created_at, expires_at)
         VALUES (?, ?, ?, '', ?, ?)`,
      )
      .run(sessionId, tokenHash, phone, now, now + OTP_LIMITS.codeTtlMs);
    const id = Number(info.lastInsertRowid);
    // Undelivered: the stored hash is of no code at all (256 random bits), so every try is a wrong code.
    const codeHash = request.deliver ? hashCode(deps.key, id, code) : randomBytes(32).toString('hex');
    deps.db.prepare('UPDATE otp_codes SET code_hash = ? WHERE id = ?').run(codeHash, id);
    if (request.deliver) deps.deliver(phone, code, now);
    return {
      resend_after: retryAfter(OTP_LIMITS.resendCooldownMs),
      expires_in: retryAfter(OTP_LIMITS.codeTtlMs),
    };
  })();
}

function checkWindow(rows: Array<{ created_at: number }>, now: number, max: number = OTP_LIMITS.perSessionMax): void {
  const last = rows[rows.length - 1];
  if (last && now - last.created_at < OTP_LIMITS.resendCooldownMs) {
    throw limited(OTP_LIMITS.resendCooldownMs - (now - last.created_at));
  }
  if (rows.length >= max) {
    const oldest = rows[rows.length - max]!;
    throw limited(oldest.created_at + OTP_LIMITS.windowMs - now);
  }
}

/**
 * Checks a code against the credential's newest code. Returns the verified phone; throws
 * code_invalid / code_expired / code_attempts_exceeded. A good code works once.
 */
export function verifyCode(deps: OtpDeps, tokenHash: string, code: unknown): string {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) {
    throw new ApiError('code_invalid', 'Enter the 6-digit code.');
  }
  const now = deps.now();
  // The transaction returns the failure instead of throwing it, so a wrong try is counted (committed).
  const outcome = deps.db.transaction((): { phone: string } | { error: ApiError } => {
    const row = deps.db
      .prepare('SELECT * FROM otp_codes WHERE token_hash = ? ORDER BY id DESC LIMIT 1')
      .get(tokenHash) as OtpRow | undefined;
    if (!row || row.consumed_at !== null) {
      return { error: new ApiError('code_invalid', 'No code is waiting for this checkout. Request a new code.') };
    }
    if (row.attempts >= OTP_LIMITS.maxAttempts) {
      return { error: new ApiError('code_attempts_exceeded', 'Too many wrong codes. Request a new code.') };
    }
    if (now >= row.expires_at) return { error: new ApiError('code_expired', 'This code has expired. Request a new code.') };
    if (!safeEqual(row.code_hash, hashCode(deps.key, row.id, code))) {
      const attempts = row.attempts + 1;
      deps.db.prepare('UPDATE otp_codes SET attempts = ? WHERE id = ?').run(attempts, row.id);
      if (attempts >= OTP_LIMITS.maxAttempts) {
        return { error: new ApiError('code_attempts_exceeded', 'Too many wrong codes. Request a new code.') };
      }
      const left = OTP_LIMITS.maxAttempts - attempts;
      return { error: new ApiError('code_invalid', `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`) };
    }
    deps.db.prepare('UPDATE otp_codes SET consumed_at = ? WHERE id = ?').run(now, row.id);
    return { phone: row.phone };
  })();
  if ('error' in outcome) throw outcome.error;
  return outcome.phone;
}
