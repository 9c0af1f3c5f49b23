import type { ConfirmPaymentResponse } from '../../contract/flow-api';
import { assertOpen, sessionById } from '../domain/sessions';
import { connectionById } from '../domain/wallets';
import { ApiError, invalid } from '../http/errors';
import { newId } from '../ids';
import type { Db } from '../storage/db';
import type { WebhookEvents } from '../webhooks';
import { fulfil } from './fulfil';
import type { ChargeMethod, ChargeOutcome, PaymentProcessor, ReusableCard } from './processor';
import { type IntentRow, intentById, paymentMethodOf } from './store';

export type ConfirmAnswer = ConfirmPaymentResponse;

export interface PaymentDeps {
  db: Db;
  now: () => number;
  processor: PaymentProcessor;
  webhooks: WebhookEvents;
}

export type ConfirmMethod =
  | { kind: 'card'; card: unknown; saveCard: boolean }
  | { kind: 'saved'; paymentMethodId: string }
  | { kind: 'stripe'; paymentIntentId: string; saveCard: boolean }
  | { kind: 'challenge'; challengeId: string; approve: boolean };

interface Pending {
  card: ReusableCard;
  saveCard: boolean;
  paymentMethodId: string | null;
}

type Begun =
  | { replay: ConfirmAnswer }
  | { charge: { method: ChargeMethod; authenticated: boolean; saveCard: boolean; paymentMethodId: string | null }; walletId: string };

function succeededAnswer(intent: IntentRow): ConfirmAnswer {
  return { status: 'succeeded', connection_id: intent.connection_id, checkout_session_id: intent.session_id, charge_id: intent.charge_id! };
}

/**
 * Step 1, one transaction: replay a known answer for this idempotency key, or record the key,
 * take the session's payment lock and mark the intent as processing before the processor is called.
 */
function begin(deps: PaymentDeps, intentId: string, key: string, method: ConfirmMethod): Begun {
  const { db } = deps;
  const now = deps.now();
  const attempt = db.prepare('SELECT * FROM confirm_attempts WHERE intent_id = ? AND idempotency_key = ?').get(intentId, key) as
    | { status: string; response: string | null }
    | undefined;
  if (attempt?.status === 'processing') throw new ApiError('payment_in_progress', 'This payment is already being processed.');
  const intent = intentById(db, intentId)!;
  if (intent.status === 'succeeded') {
    // However it is asked (same key, another key, another tab): the one charge it already has.
    const answer = succeededAnswer(intent);
    db.prepare(
      "INSERT OR REPLACE INTO confirm_attempts (intent_id, idempotency_key, status, response, created_at) VALUES (?, ?, 'succeeded', ?, ?)",
    ).run(intentId, key, JSON.stringify(answer), now);
    return { replay: answer };
  }
  if (attempt?.status === 'requires_action' && intent.status === 'requires_action' && attempt.response) {
    const stored = JSON.parse(attempt.response) as ConfirmAnswer;
    if (stored.status === 'requires_action' && stored.challenge_id === intent.challenge_id) return { replay: stored };
  }
  // A key whose attempt failed (or whose challenge is gone) may run again: nothing was charged.
  if (attempt) db.prepare('DELETE FROM confirm_attempts WHERE intent_id = ? AND idempotency_key = ?').run(intentId, key);
  assertOpen(sessionById(db, intent.session_id)!, now);
  if (intent.status === 'processing') throw new ApiError('payment_in_progress', 'This payment is already being processed.');
  const walletId = connectionById(db, sessionById(db, intent.session_id)!.merchant_id, intent.connection_id)?.wallet_id;
  if (!walletId) throw new ApiError('forbidden', 'The connection for this payment no longer exists.');

  let charge: Extract<Begun, { charge: unknown }>['charge'];
  if (method.kind === 'challenge') {
    if (intent.status !== 'requires_action' || intent.challenge_id !== method.challengeId || !intent.pending) {
      throw invalid('There is no authentication challenge waiting with this id.');
    }
    const pending = JSON.parse(intent.pending) as Pending;
    if (!method.approve) {
      const answer: ConfirmAnswer = {
        status: 'failed',
        code: 'authentication_failed',
        message: 'The card was not authenticated. Nothing was charged: try again or use another card.',
      };
      db.prepare(
        "UPDATE payment_intents SET status = 'requires_payment_method', challenge_id = NULL, pending = NULL, last_error = ?, updated_at = ? WHERE id = ?",
      ).run('authentication_failed', now, intentId);
      db.prepare("INSERT INTO confirm_attempts (intent_id, idempotency_key, status, response, created_at) VALUES (?, ?, 'failed', ?, ?)").run(
        intentId,
        key,
        JSON.stringify(answer),
        now,
      );
      return { replay: answer };
    }
    charge = {
      method: { kind: 'saved', processorRef: pending.card.processorRef, details: pending.card.details },
      authenticated: true,
      saveCard: pending.saveCard,
      paymentMethodId: pending.paymentMethodId,
    };
  } else if (method.kind === 'saved') {
    const pm = paymentMethodOf(db, walletId, method.paymentMethodId);
    if (!pm || pm.processor !== deps.processor.kind) throw new ApiError('not_found', 'This saved card is not on your wallet.');
    charge = {
      method: {
        kind: 'saved',
        processorRef: pm.processor_ref,
        details: { brand: pm.brand, last4: pm.last4, exp_month: pm.exp_month, exp_year: pm.exp_year },
      },
      authenticated: false,
      saveCard: false,
      paymentMethodId: pm.id,
    };
  } else if (method.kind === 'card') {
    charge = { method: { kind: 'card', card: method.card as never }, authenticated: false, saveCard: method.saveCard, paymentMethodId: null };
  } else {
    charge = { method: { kind: 'stripe', paymentIntentId: method.paymentIntentId }, authenticated: false, saveCard: method.saveCard, paymentMethodId: null };
  }

  const locked = db
    .prepare('UPDATE checkout_sessions SET charging_intent_id = ? WHERE id = ? AND completed_at IS NULL AND charging_intent_id IS NULL')
    .run(intentId, intent.session_id);
  if (locked.changes !== 1) throw new ApiError('payment_in_progress', 'Another payment for this checkout is being processed.');
  db.prepare("UPDATE payment_intents SET status = 'processing', updated_at = ? WHERE id = ?").run(now, intentId);
  db.prepare("INSERT INTO confirm_attempts (intent_id, idempotency_key, status, created_at) VALUES (?, ?, 'processing', ?)").run(
    intentId,
    key,
    now,
  );
  return { charge, walletId };
}

/** Step 3, one transaction: record the processor's outcome and release the lock. */
function finish(deps: PaymentDeps, intentId: string, key: string, begun: Extract<Begun, { charge: unknown }>, outcome: ChargeOutcome): ConfirmAnswer {
  const { db } = deps;
  const now = deps.now();
  const intent = intentById(db, intentId)!;
  let answer: ConfirmAnswer;
  let attemptStatus: 'succeeded' | 'requires_action' | 'failed';
  if (outcome.status === 'succeeded') {
    const chargeId = fulfil(db, {
      intent,
      walletId: begun.walletId,
      processor: deps.processor.kind,
      chargeRef: outcome.chargeRef,
      card: outcome.card,
      saveCard: begun.charge.saveCard,
      paymentMethodId: begun.charge.paymentMethodId,
      idempotencyKey: key,
      now,
      webhooks: deps.webhooks,
    });
    db.prepare(
      "UPDATE payment_intents SET status = 'succeeded', charge_id = ?, processor_ref = ?, challenge_id = NULL, pending = NULL, updated_at = ? WHERE id = ?",
    ).run(chargeId, outcome.chargeRef, now, intentId);
    answer = succeededAnswer(intentById(db, intentId)!);
    attemptStatus = 'succeeded';
  } else if (outcome.status === 'requires_action') {
    const challengeId = newId('chal');
    const pending: Pending = { card: outcome.card, saveCard: begun.charge.saveCard, paymentMethodId: begun.charge.paymentMethodId };
    db.prepare(
      "UPDATE payment_intents SET status = 'requires_action', challenge_id = ?, pending = ?, updated_at = ? WHERE id = ?",
    ).run(challengeId, JSON.stringify(pending), now, intentId);
    answer = { status: 'requires_action', challenge_id: challengeId };
    attemptStatus = 'requires_action';
  } else {
    db.prepare(
      "UPDATE payment_intents SET status = 'requires_payment_method', challenge_id = NULL, pending = NULL, last_error = ?, updated_at = ? WHERE id = ?",
    ).run(outcome.code, now, intentId);
    answer = outcome.field
      ? { status: 'failed', code: outcome.code, message: outcome.message, field: outcome.field }
      : { status: 'failed', code: outcome.code, message: outcome.message };
    attemptStatus = 'failed';
  }
  db.prepare('UPDATE checkout_sessions SET charging_intent_id = NULL WHERE id = ? AND charging_intent_id = ?').run(intent.session_id, intentId);
  db.prepare('UPDATE confirm_attempts SET status = ?, response = ? WHERE intent_id = ? AND idempotency_key = ?').run(
    attemptStatus,
    JSON.stringify(answer),
    intentId,
    key,
  );
  return answer;
}

function release(deps: PaymentDeps, intentId: string, key: string): void {
  const { db } = deps;
  db.transaction(() => {
    const intent = intentById(db, intentId)!;
    db.prepare("UPDATE payment_intents SET status = 'requires_payment_method', updated_at = ? WHERE id = ? AND status = 'processing'").run(
      deps.now(),
      intentId,
    );
    db.prepare('DELETE FROM confirm_attempts WHERE intent_id = ? AND idempotency_key = ?').run(intentId, key);
    db.prepare('UPDATE checkout_sessions SET charging_intent_id = NULL WHERE id = ? AND charging_intent_id = ?').run(intent.session_id, intentId);
  })();
}

/**
 * Confirms an intent: at most one charge per intent and per session, however many confirms
 * arrive (double clicks, retries, a second tab), and the same answer for the same key.
 */
export async function confirmIntent(deps: PaymentDeps, intentId: string, key: string, method: ConfirmMethod): Promise<ConfirmAnswer> {
  const begun = deps.db.transaction(() => begin(deps, intentId, key, method))();
  if ('replay' in begun) return begun.replay;
  const intent = intentById(deps.db, intentId)!;
  let outcome: ChargeOutcome;
  try {
    outcome = await deps.processor.charge({
      intentId,
      processorRef: intent.processor_ref,
      amount: intent.amount,
      currency: 'USD',
      description: intent.description,
      idempotencyKey: `${intentId}:${key}`,
      method: begun.charge.method,
      authenticated: begun.charge.authenticated,
    });
  } catch (err) {
    release(deps, intentId, key);
    throw err;
  }
  try {
    return deps.db.transaction(() => finish(deps, intentId, key, begun, outcome))();
  } catch (err) {
    release(deps, intentId, key);
    throw err;
  }
}
