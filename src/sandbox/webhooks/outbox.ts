import type { WebhookEvent, WebhookEventDataMap, WebhookEventType } from '../../contract/webhooks';
import { retryDelay } from './backoff';
import { createEndpointStore } from './endpoints';
import { iso } from '../http/iso';
import { newId } from '../ids';
import type { Db } from '../storage/db';
import { listDeliveries, type DeliveryFilter } from './log';
import { type SendOutcome, sendDelivery } from './send';
import { signedHeaders } from './sign';

export interface WebhookOutboxOptions {
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** [0, 1), for jitter. */
  random?: () => number;
  /** Attempts per delivery, the first included. Default 3, as Lava's monetization quickstart says (exponential backoff). */
  maxAttempts?: number;
  /** First retry after about this long; doubles each time. Default 1000 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** How often the loop looks for due deliveries. Default 500 ms. */
  pollMs?: number;
  /** Deliveries in flight at once. Default 4. */
  concurrency?: number;
  /** On start, overdue deliveries are spread over this window instead of all firing at once. Default 2000 ms. */
  resumeSpreadMs?: number;
  /** One line per attempt (never secrets or bodies). */
  log?: (line: string) => void;
}

interface DueRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  url: string;
  attempts: number;
  type: string;
  payload: string;
}

/**
 * A persisted outbox in the sandbox database (its tables come with the migrations): `enqueue`
 * writes the event and one delivery per subscribed endpoint in the caller's transaction
 * (better-sqlite3 is synchronous), and the loop delivers them. A delivery survives a restart;
 * the event id is the same on every attempt.
 */
export function createWebhookOutbox(db: Db, options: WebhookOutboxOptions = {}) {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const resumeSpreadMs = options.resumeSpreadMs ?? 2000;
  const log = options.log ?? (() => undefined);
  const endpoints = createEndpointStore(db, now);

  const insertEvent = db.prepare('INSERT INTO webhook_events (id, merchant_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertDelivery = db.prepare(
    "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, url, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)",
  );
  const selectDue = db.prepare(`
    SELECT d.id, d.event_id, d.endpoint_id, d.url, d.attempts, e.type, e.payload
    FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`);
  const claim = db.prepare("UPDATE webhook_deliveries SET status = 'sending' WHERE id = ? AND status = 'pending'");
  const release = db.prepare("UPDATE webhook_deliveries SET status = 'pending' WHERE id = ? AND status = 'sending'");
  const finish = db.prepare(
    'UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?',
  );
  const insertAttempt = db.prepare(
    'INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error) VALUES (?, ?, ?, ?, ?, ?)',
  );

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let round: Promise<number> | null = null;
  let stopController = new AbortController();

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    timer = null;
    const attempted = await deliverDue();
    schedule(attempted >= concurrency ? 0 : pollMs);
  }

  function record(row: DueRow, attempt: number, startedAt: number, outcome: Exclude<SendOutcome, { kind: 'aborted' }>): void {
    const finishedAt = now();
    const status = outcome.kind === 'delivered' ? null : outcome.status;
    const error = outcome.kind === 'delivered' ? null : outcome.error;
    db.transaction(() => {
      insertAttempt.run(row.id, attempt, startedAt, Math.max(0, finishedAt - startedAt), outcome.kind === 'delivered' ? outcome.status : status, error);
      if (outcome.kind === 'delivered') {
        finish.run('delivered', attempt, null, outcome.status, null, finishedAt, row.id);
      } else if (outcome.kind === 'retry' && attempt < maxAttempts) {
        finish.run('pending', attempt, finishedAt + retryDelay(attempt, baseDelayMs, maxDelayMs, random), status, error, null, row.id);
      } else {
        finish.run('failed', attempt, null, status, error, null, row.id);
      }
    })();
    const result = outcome.kind === 'delivered' ? `${outcome.status}` : outcome.error;
    log(`webhook ${row.type} ${row.event_id} -> ${row.url}: ${result} (attempt ${attempt}/${maxAttempts})`);
  }

  async function attemptOne(row: DueRow): Promise<void> {
    const attempt = row.attempts + 1;
    const secret = endpoints.secretOf(row.endpoint_id);
    const startedAt = now();
    if (secret === undefined) {
      record(row, attempt, startedAt, { kind: 'rejected', status: 0, error: 'endpoint deleted' });
      return;
    }
    const headers = signedHeaders(secret, row.event_id, Math.floor(startedAt / 1000), row.payload);
    const outcome = await sendDelivery(fetchImpl, { url: row.url, headers, body: row.payload, timeoutMs, stop: stopController.signal });
    if (outcome.kind === 'aborted') {
      release.run(row.id);
      return;
    }
    record(row, attempt, startedAt, outcome);
  }

  /** One round: claim what is due (up to `concurrency`) and attempt it. Returns how many. */
  async function deliverDue(): Promise<number> {
    if (round) return round;
    round = (async () => {
      const due = (selectDue.all(now(), concurrency) as DueRow[]).filter((row) => claim.run(row.id).changes === 1);
      await Promise.all(due.map(attemptOne));
      return due.length;
    })();
    try {
      return await round;
    } finally {
      round = null;
    }
  }

  /** Deliveries interrupted mid-send go back to pending; overdue ones are spread out, not fired at once. */
  function resume(): void {
    const at = now();
    db.transaction(() => {
      db.prepare("UPDATE webhook_deliveries SET status = 'pending' WHERE status = 'sending'").run();
      const overdue = db.prepare("SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?").all(at) as { id: string }[];
      const reschedule = db.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?');
      for (const { id } of overdue) reschedule.run(at + Math.floor(random() * resumeSpreadMs), id);
    })();
  }

  return {
    endpoints,

    /**
     * Record an event and its deliveries. Synchronous: call it inside the transaction that made
     * the change, so the event exists exactly when the change does.
     */
    enqueue<T extends WebhookEventType>(merchantId: string, type: T, data: WebhookEventDataMap[T]): WebhookEvent<T> {
      const createdAt = now();
      const event = { id: newId('evt'), type, created_at: iso(createdAt), data } as WebhookEvent<T>;
      const payload = JSON.stringify(event);
      db.transaction(() => {
        insertEvent.run(event.id, merchantId, type, payload, createdAt);
        for (const endpoint of endpoints.subscribed(merchantId, type)) {
          insertDelivery.run(newId('whd'), event.id, endpoint.id, endpoint.url, createdAt, createdAt);
        }
      })();
      if (running) setImmediate(() => schedule(0));
      return event;
    },

    start(): void {
      if (running) return;
      running = true;
      stopController = new AbortController();
      resume();
      schedule(0);
    },

    /** Stops the loop; attempts in flight are abandoned (not counted) and resume on the next start. */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      stopController.abort();
      await round?.catch(() => undefined);
    },

    deliverDue,

    listDeliveries(filter: DeliveryFilter = {}) {
      return listDeliveries(db, filter);
    },
  };
}

export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;
