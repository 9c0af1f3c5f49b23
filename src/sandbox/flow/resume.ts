import type { Db } from '../storage/db';

/**
 * What a new start on a session inherits so a reopened checkout resumes where the customer was:
 * the phone verified by the session's latest live credential (and its connection). Only the
 * session's secret reaches this (the caller proved it), only on the modern path whose parent
 * origin matched the session, and only while the session is open.
 */
export function verifiedInSession(db: Db, sessionId: string): { phone: string; connectionId: string | null } | null {
  const row = db
    .prepare(
      `SELECT verified_phone, connection_id FROM flow_credentials
       WHERE session_id = ? AND verified_phone IS NOT NULL AND revoked_at IS NULL
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(sessionId) as { verified_phone: string; connection_id: string | null } | undefined;
  return row ? { phone: row.verified_phone, connectionId: row.connection_id } : null;
}
