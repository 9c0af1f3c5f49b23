import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { safeEqual } from '../../webhooks/safe-equal';
import { SECRET_SHAPE, sha256 } from '../ids';
import type { Db } from '../storage/db';
import { type CredentialRow, issueFlowToken, revokeCredential } from './credentials';

/**
 * A reopened checkout (the merchant page reloaded) resumes past the phone step only when the app
 * proves the verified flow credential this browser was given at the code step: the app keeps it in
 * the checkout origin's sessionStorage, so only the tab that verified holds it (or the browser keeps
 * it in a partitioned cookie, see `proofCookie`). The session secret, a `parent_origin` or a missing
 * Origin header prove nothing.
 *
 * The proof is rotated: the presented credential stops working (as a bearer token and as a proof)
 * and the answer is a new one with the same verified phone and connection, so a copy of the old one
 * is worth nothing. Returns the new flow token, or null when nothing was proven.
 */
export function resumeWithProof(db: Db, sessionId: string, presented: string | undefined, now: number): string | null {
  if (presented === undefined || !SECRET_SHAPE.test(presented)) return null;
  return db.transaction(() => {
    const proven = provenCredential(db, sessionId, presented);
    if (!proven) return null;
    revokeCredential(db, proven.token_hash, now);
    return issueFlowToken(db, sessionId, now, { phone: proven.verified_phone!, connectionId: proven.connection_id });
  })();
}

/**
 * Only hashes are stored; the presented token's hash is compared in constant time with each live
 * verified credential of this session (a handful), not looked up by value.
 */
function provenCredential(db: Db, sessionId: string, presented: string): CredentialRow | undefined {
  const wanted = sha256(presented);
  const live = db
    .prepare('SELECT * FROM flow_credentials WHERE session_id = ? AND verified_phone IS NOT NULL AND revoked_at IS NULL')
    .all(sessionId) as CredentialRow[];
  let match: CredentialRow | undefined;
  for (const row of live) {
    if (safeEqual(wanted, row.token_hash)) match = row;
  }
  return match;
}

/**
 * Where the frame may not use storage (Chromium blocking third-party cookies, every incognito
 * window), the browser keeps the same token in a partitioned cookie instead (CHIPS: keyed by the
 * merchant's site like the frame's storage, HttpOnly, sent only to start). The app asks for it by
 * sending start and verify with credentials; otherwise the browser ignores the Set-Cookie.
 */
export const proofCookie = {
  name: (sessionId: string) => `lava_flow_${sessionId}`,
  read(c: Context, sessionId: string): string | undefined {
    return getCookie(c, proofCookie.name(sessionId));
  },
  keep(c: Context, session: { id: string; expires_at: number }, flowToken: string, now: number): void {
    setCookie(c, proofCookie.name(session.id), flowToken, {
      ...COOKIE,
      maxAge: Math.max(0, Math.floor((session.expires_at - now) / 1000)),
    });
  },
  drop(c: Context, sessionId: string): void {
    setCookie(c, proofCookie.name(sessionId), '', { ...COOKIE, maxAge: 0 });
  },
};

const COOKIE = { path: '/api/flow/start', httpOnly: true, secure: true, sameSite: 'None', partitioned: true } as const;
