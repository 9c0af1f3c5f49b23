import type { CheckoutMode } from '../../contract/flow-api';
import { newId, newSecret, sha256 } from '../ids';
import type { Db } from '../storage/db';
import { ApiError } from '../http/errors';

export interface SessionRow {
  seq: number;
  id: string;
  merchant_id: string;
  secret: string;
  secret_hash: string;
  mode: CheckoutMode;
  origin_url: string;
  origin: string;
  reference_id: string | null;
  connection_id: string | null;
  subscription_config_id: string | null;
  credit_bundle_id: string | null;
  created_at: number;
  expires_at: number;
  completed_at: number | null;
  completed_connection_id: string | null;
}

export interface NewSession {
  merchantId: string;
  mode: CheckoutMode;
  originUrl: string;
  origin: string;
  referenceId: string | null;
  connectionId: string | null;
  subscriptionConfigId: string | null;
  creditBundleId: string | null;
}

export function createSession(db: Db, input: NewSession, now: number, ttlMs: number): SessionRow {
  const id = newId('cs');
  const secret = newSecret();
  db.prepare(
    `INSERT INTO checkout_sessions (id, merchant_id, secret, secret_hash, mode, origin_url, origin, reference_id,
       connection_id, subscription_config_id, credit_bundle_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.merchantId,
    secret,
    sha256(secret),
    input.mode,
    input.originUrl,
    input.origin,
    input.referenceId,
    input.connectionId,
    input.subscriptionConfigId,
    input.creditBundleId,
    now,
    now + ttlMs,
  );
  return sessionById(db, id)!;
}

export function sessionById(db: Db, id: string): SessionRow | undefined {
  return db.prepare('SELECT * FROM checkout_sessions WHERE id = ?').get(id) as SessionRow | undefined;
}

/** Looks a session up by its secret's hash, so the lookup never compares secrets byte by byte. */
export function sessionBySecret(db: Db, secret: string): SessionRow | undefined {
  return db.prepare('SELECT * FROM checkout_sessions WHERE secret_hash = ?').get(sha256(secret)) as
    | SessionRow
    | undefined;
}

export type SessionStatus = 'open' | 'completed' | 'expired';

export function sessionStatus(session: SessionRow, now: number): SessionStatus {
  if (session.completed_at !== null) return 'completed';
  if (now >= session.expires_at) return 'expired';
  return 'open';
}

/** Throws the flow error for a session that can no longer be used. */
export function assertOpen(session: SessionRow, now: number): void {
  const status = sessionStatus(session, now);
  if (status === 'completed') throw new ApiError('session_used', 'This checkout session was already completed.');
  if (status === 'expired') throw new ApiError('session_expired', 'This checkout session has expired.');
}
