import { iso } from '../http/iso';
import type { Db } from '../storage/db';

export interface DeliveryFilter {
  merchantId?: string;
  eventId?: string;
  limit?: number;
}

export interface DeliveryAttempt {
  attempt: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface DeliveryLogEntry {
  delivery_id: string;
  event_id: string;
  event_type: string;
  webhook_id: string;
  url: string;
  status: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

interface Row {
  id: string;
  event_id: string;
  type: string;
  endpoint_id: string;
  url: string;
  status: DeliveryLogEntry['status'];
  next_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The delivery log, newest first, with every attempt. Payloads and secrets are not included. */
export function listDeliveries(db: Db, filter: DeliveryFilter): DeliveryLogEntry[] {
  const limit = Math.min(Math.max(1, filter.limit ?? 100), 500);
  const rows = db
    .prepare(
      `SELECT d.id, d.event_id, e.type, d.endpoint_id, d.url, d.status, d.next_attempt_at, d.delivered_at, d.created_at
       FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE (@merchant IS NULL OR e.merchant_id = @merchant) AND (@event IS NULL OR d.event_id = @event)
       ORDER BY d.created_at DESC, d.id DESC LIMIT @limit`,
    )
    .all({ merchant: filter.merchantId ?? null, event: filter.eventId ?? null, limit }) as Row[];
  const attempts = db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt');
  return rows.map((row) => ({
    delivery_id: row.id,
    event_id: row.event_id,
    event_type: row.type,
    webhook_id: row.endpoint_id,
    url: row.url,
    status: row.status,
    attempts: (attempts.all(row.id) as Array<Omit<DeliveryAttempt, 'started_at'> & { started_at: number }>).map((a) => ({
      attempt: a.attempt,
      started_at: iso(a.started_at),
      duration_ms: a.duration_ms,
      status_code: a.status_code,
      error: a.error,
    })),
    next_attempt_at: row.status === 'pending' ? isoOrNull(row.next_attempt_at) : null,
    delivered_at: isoOrNull(row.delivered_at),
    created_at: iso(row.created_at),
  }));
}
