import { newSecret, sha256 } from '../ids';
import type { Db } from '../storage/db';

export interface CredentialRow {
  token_hash: string;
  session_id: string;
  verified_phone: string | null;
  connection_id: string | null;
  created_at: number;
  revoked_at: number | null;
}

/** A new flow token for a session; only its hash is stored. */
export function issueFlowToken(
  db: Db,
  sessionId: string,
  now: number,
  verified: { phone: string; connectionId: string | null } | null = null,
): string {
  const token = newSecret();
  db.prepare(
    'INSERT INTO flow_credentials (token_hash, session_id, verified_phone, connection_id, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(sha256(token), sessionId, verified?.phone ?? null, verified?.connectionId ?? null, now);
  return token;
}

export function liveCredential(db: Db, token: string): CredentialRow | undefined {
  return db
    .prepare('SELECT * FROM flow_credentials WHERE token_hash = ? AND revoked_at IS NULL')
    .get(sha256(token)) as CredentialRow | undefined;
}

export function revokeCredential(db: Db, tokenHash: string, now: number): void {
  db.prepare('UPDATE flow_credentials SET revoked_at = ? WHERE token_hash = ?').run(now, tokenHash);
}

export function setCredentialConnection(db: Db, tokenHash: string, connectionId: string): void {
  db.prepare('UPDATE flow_credentials SET connection_id = ? WHERE token_hash = ?').run(connectionId, tokenHash);
}
