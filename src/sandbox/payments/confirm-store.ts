import type { ConfirmPaymentResponse } from '../../contract/flow-api';
import type { Db } from '../storage/db';

/**
 * The rows a card confirm writes, one statement each: its attempt under the client's idempotency
 * key, the intent's status, and the session's payment lock (one intent talking to the processor).
 */

export type AttemptStatus = 'processing' | 'succeeded' | 'requires_action' | 'failed';

export interface AttemptRow {
  status: AttemptStatus;
  /** The answer given, as JSON; null while processing. */
  response: string | null;
}

export function attemptOf(db: Db, intentId: string, key: string): AttemptRow | undefined {
  return db.prepare('SELECT status, response FROM confirm_attempts WHERE intent_id = ? AND idempotency_key = ?').get(intentId, key) as
    | AttemptRow
    | undefined;
}

export function recordAttempt(db: Db, intentId: string, key: string, status: AttemptStatus, answer: ConfirmPaymentResponse | null, now: number): void {
  db.prepare('INSERT OR REPLACE INTO confirm_attempts (intent_id, idempotency_key, status, response, created_at) VALUES (?, ?, ?, ?, ?)').run(
    intentId,
    key,
    status,
    answer === null ? null : JSON.stringify(answer),
    now,
  );
}

export function settleAttempt(db: Db, intentId: string, key: string, status: AttemptStatus, answer: ConfirmPaymentResponse): void {
  db.prepare('UPDATE confirm_attempts SET status = ?, response = ? WHERE intent_id = ? AND idempotency_key = ?').run(
    status,
    JSON.stringify(answer),
    intentId,
    key,
  );
}

export function forgetAttempt(db: Db, intentId: string, key: string): void {
  db.prepare('DELETE FROM confirm_attempts WHERE intent_id = ? AND idempotency_key = ?').run(intentId, key);
}

/** Takes the session's payment lock for this intent; false when another intent holds it or the session is completed. */
export function takePaymentLock(db: Db, sessionId: string, intentId: string): boolean {
  return (
    db
      .prepare('UPDATE checkout_sessions SET charging_intent_id = ? WHERE id = ? AND completed_at IS NULL AND charging_intent_id IS NULL')
      .run(intentId, sessionId).changes === 1
  );
}

export function releasePaymentLock(db: Db, sessionId: string, intentId: string): void {
  db.prepare('UPDATE checkout_sessions SET charging_intent_id = NULL WHERE id = ? AND charging_intent_id = ?').run(sessionId, intentId);
}

export function markProcessing(db: Db, intentId: string, now: number): void {
  db.prepare("UPDATE payment_intents SET status = 'processing', updated_at = ? WHERE id = ?").run(now, intentId);
}

/** Back to awaiting a payment method, with the reason the last try failed. */
export function markFailed(db: Db, intentId: string, code: string, now: number): void {
  db.prepare(
    "UPDATE payment_intents SET status = 'requires_payment_method', challenge_id = NULL, pending = NULL, last_error = ?, updated_at = ? WHERE id = ?",
  ).run(code, now, intentId);
}

/** Back to awaiting a payment method after a processor call that never answered (nothing recorded). */
export function markInterrupted(db: Db, intentId: string, now: number): void {
  db.prepare("UPDATE payment_intents SET status = 'requires_payment_method', updated_at = ? WHERE id = ? AND status = 'processing'").run(now, intentId);
}

export function markRequiresAction(db: Db, intentId: string, challengeId: string, pending: string, now: number): void {
  db.prepare("UPDATE payment_intents SET status = 'requires_action', challenge_id = ?, pending = ?, updated_at = ? WHERE id = ?").run(
    challengeId,
    pending,
    now,
    intentId,
  );
}

export function markSucceeded(db: Db, intentId: string, chargeId: string, chargeRef: string, now: number): void {
  db.prepare(
    "UPDATE payment_intents SET status = 'succeeded', charge_id = ?, processor_ref = ?, challenge_id = NULL, pending = NULL, updated_at = ? WHERE id = ?",
  ).run(chargeId, chargeRef, now, intentId);
}
