import { type SessionRow, sessionById, sessionStatus } from '../domain/sessions';
import { connectionById } from '../domain/wallets';
import { ApiError } from '../http/errors';
import type { ConfirmAnswer } from './confirm';
import { fulfil } from './fulfil';
import type { ReusableCard } from './processor';
import type { IntentRow } from './store';
import { type StripePaymentIntent, stripeErrorCode } from './stripe-api';
import { nextGeneration, type SessionIntentRow, type StripeDeps, sessionIntentByStripeId, sessionIntentRow } from './stripe-store';

/** Why a payment Stripe took was given back. */
export type RefundReason = 'session_completed' | 'session_expired' | 'amount_mismatch' | 'connection_gone';

export type Reconciled =
  /** `fresh`: this call completed the session (and sent `checkout.completed`); otherwise an earlier one did. */
  | { kind: 'completed'; fresh: boolean; sessionId: string; connectionId: string; chargeId: string }
  | { kind: 'refunded'; reason: RefundReason; sessionId: string; refundId: string }
  | { kind: 'ignored'; reason: 'not_succeeded' | 'not_ours' };

type Decision =
  | { kind: 'completed'; fresh: boolean; sessionId: string; connectionId: string; chargeId: string }
  | { kind: 'refund'; reason: RefundReason; row: SessionIntentRow }
  | { kind: 'refunded'; reason: RefundReason; row: SessionIntentRow }
  | { kind: 'ignored'; reason: 'not_ours' };

/**
 * Records a succeeded PaymentIntent, from the app's confirm or Stripe's webhook, whichever comes
 * first (both may, any number of times): the session completes and `checkout.completed` is sent
 * exactly once, in one transaction; a payment the session can no longer take (completed by
 * another payment, expired, an amount it never asked for, a wallet gone) is refunded instead.
 */
export async function reconcileSucceeded(deps: StripeDeps, pi: StripePaymentIntent, options: { saveCard: boolean }): Promise<Reconciled> {
  if (pi.status !== 'succeeded') return { kind: 'ignored', reason: 'not_succeeded' };
  const decision = deps.db.transaction(() => decide(deps, pi, options))();
  if (decision.kind === 'completed' || decision.kind === 'ignored') return decision;
  const sessionId = decision.row.session_id;
  if (decision.kind === 'refunded') return { kind: 'refunded', reason: decision.reason, sessionId, refundId: decision.row.refund_id! };
  let refundId: string;
  try {
    const refund = await deps.stripe.api.refunds.create(
      {
        payment_intent: pi.id,
        ...(decision.reason === 'session_completed' ? { reason: 'duplicate' as const } : {}),
        metadata: { checkout_session_id: sessionId, lava_refund_reason: decision.reason },
      },
      { idempotencyKey: `lava_refund_${pi.id}` },
    );
    refundId = refund.id;
  } catch (err) {
    // Refunded already (by hand, in Stripe's dashboard): nothing left to give back.
    if (stripeErrorCode(err) !== 'charge_already_refunded') throw err;
    refundId = 'refunded_elsewhere';
  }
  deps.db
    .prepare("UPDATE stripe_payment_intents SET status = 'refunded', refund_id = ?, updated_at = ? WHERE session_id = ? AND generation = ?")
    .run(refundId, deps.now(), sessionId, decision.row.generation);
  return { kind: 'refunded', reason: decision.reason, sessionId, refundId };
}

function decide(deps: StripeDeps, pi: StripePaymentIntent, options: { saveCard: boolean }): Decision {
  const { db } = deps;
  const row = rowOf(deps, pi);
  if (!row) return { kind: 'ignored', reason: 'not_ours' };
  const session = sessionById(db, row.session_id)!;
  if (row.status === 'refunded') return { kind: 'refunded', reason: row.refund_reason as RefundReason, row };
  if (row.status === 'refunding') return { kind: 'refund', reason: row.refund_reason as RefundReason, row };
  const charge = db.prepare('SELECT id, processor_ref FROM charges WHERE session_id = ?').get(session.id) as
    | { id: string; processor_ref: string | null }
    | undefined;
  if (charge?.processor_ref === pi.id) {
    markRow(deps, row, 'succeeded');
    return { kind: 'completed', fresh: false, sessionId: session.id, connectionId: session.completed_connection_id!, chargeId: charge.id };
  }
  const status = sessionStatus(session, deps.now());
  if (status !== 'open') return refund(deps, row, status === 'completed' ? 'session_completed' : 'session_expired');
  const intent = intentPaidBy(deps, session, row, pi);
  if (!intent) return refund(deps, row, 'amount_mismatch');
  const walletId = connectionById(db, session.merchant_id, row.connection_id)?.wallet_id;
  if (!walletId) return refund(deps, row, 'connection_gone');
  const chargeRef = pi.id;
  const chargeId = fulfil(db, {
    intent,
    walletId,
    processor: 'stripe',
    chargeRef,
    card: cardOf(pi),
    saveCard: options.saveCard,
    paymentMethodId: null,
    idempotencyKey: `stripe:${pi.id}`,
    now: deps.now(),
    webhooks: deps.webhooks,
  });
  db.prepare(
    "UPDATE payment_intents SET status = 'succeeded', charge_id = ?, processor_ref = ?, challenge_id = NULL, pending = NULL, updated_at = ? WHERE id = ?",
  ).run(chargeId, chargeRef, deps.now(), intent.id);
  markRow(deps, row, 'succeeded');
  return { kind: 'completed', fresh: true, sessionId: session.id, connectionId: row.connection_id, chargeId };
}

/**
 * The row a PaymentIntent belongs to: by its id; by the generation named in its metadata when the
 * sandbox stopped before it stored the id; or, for a PaymentIntent made per intent before one per
 * session, the intent that holds it (adopted as a generation of its own).
 */
function rowOf(deps: StripeDeps, pi: StripePaymentIntent): SessionIntentRow | undefined {
  const { db } = deps;
  const known = sessionIntentByStripeId(db, pi.id);
  if (known) return known;
  const sessionId = pi.metadata.checkout_session_id;
  const generation = Number(pi.metadata.lava_generation);
  if (sessionId && Number.isInteger(generation)) {
    const row = sessionIntentRow(db, sessionId, generation);
    if (row && row.payment_intent_id === null && row.connection_id === pi.metadata.connection_id) {
      db.prepare('UPDATE stripe_payment_intents SET payment_intent_id = ?, client_secret = ?, updated_at = ? WHERE session_id = ? AND generation = ?').run(
        pi.id,
        pi.client_secret,
        deps.now(),
        sessionId,
        generation,
      );
      return sessionIntentByStripeId(db, pi.id);
    }
  }
  const legacy = db.prepare('SELECT * FROM payment_intents WHERE processor_ref = ?').get(pi.id) as IntentRow | undefined;
  if (!legacy) return undefined;
  const now = deps.now();
  const adopted = nextGeneration(db, legacy.session_id);
  db.prepare(
    `INSERT INTO stripe_payment_intents (session_id, generation, connection_id, create_amount, create_description, payment_intent_id,
       client_secret, amount, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'superseded', ?, ?)`,
  ).run(legacy.session_id, adopted, legacy.connection_id, legacy.amount, legacy.description, pi.id, pi.client_secret, pi.amount, now, now);
  return sessionIntentRow(db, legacy.session_id, adopted);
}

/**
 * Our intent this payment pays: one of the session's intents held by this PaymentIntent, for this
 * wallet, at the amount Stripe took (every amount set on the PaymentIntent came from such an intent).
 */
function intentPaidBy(deps: StripeDeps, session: SessionRow, row: SessionIntentRow, pi: StripePaymentIntent): IntentRow | undefined {
  if (pi.currency !== 'usd') return undefined;
  return deps.db
    .prepare(
      `SELECT * FROM payment_intents WHERE session_id = ? AND processor_ref = ? AND connection_id = ? AND amount = ?
       ORDER BY updated_at DESC, id LIMIT 1`,
    )
    .get(session.id, pi.id, row.connection_id, pi.amount_received) as IntentRow | undefined;
}

function refund(deps: StripeDeps, row: SessionIntentRow, reason: RefundReason): Decision {
  deps.db
    .prepare("UPDATE stripe_payment_intents SET status = 'refunding', refund_reason = ?, updated_at = ? WHERE session_id = ? AND generation = ?")
    .run(reason, deps.now(), row.session_id, row.generation);
  return { kind: 'refund', reason, row: { ...row, status: 'refunding', refund_reason: reason } };
}

function markRow(deps: StripeDeps, row: SessionIntentRow, status: 'succeeded'): void {
  deps.db
    .prepare('UPDATE stripe_payment_intents SET status = ?, updated_at = ? WHERE session_id = ? AND generation = ?')
    .run(status, deps.now(), row.session_id, row.generation);
}

function cardOf(pi: StripePaymentIntent): ReusableCard {
  const pm = pi.payment_method;
  const card = typeof pm === 'object' && pm?.card ? pm.card : null;
  return {
    processorRef: typeof pm === 'string' ? pm : (pm?.id ?? pi.id),
    details: card
      ? { brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year }
      : { brand: 'card', last4: '····', exp_month: 0, exp_year: 0 },
  };
}

/**
 * The app's confirm after Stripe.js confirmed: the PaymentIntent must be this session's, for this
 * wallet; what Stripe says about it decides the answer. Nothing is charged here, so a repeated
 * confirm (another key, another tab, after the webhook) gets the same answer.
 */
export async function confirmStripePayment(
  deps: StripeDeps,
  intent: IntentRow,
  paymentIntentId: string,
  options: { saveCard: boolean },
): Promise<ConfirmAnswer> {
  const row = sessionIntentByStripeId(deps.db, paymentIntentId);
  const ours = row ? row.session_id === intent.session_id && row.connection_id === intent.connection_id : intent.processor_ref === paymentIntentId;
  if (!ours) return { status: 'failed', code: 'invalid_card', message: 'This Stripe payment does not belong to this checkout.' };
  const pi = await deps.stripe.api.paymentIntents.retrieve(paymentIntentId, { expand: ['payment_method'] });
  switch (pi.status) {
    case 'succeeded': {
      const done = await reconcileSucceeded(deps, pi, options);
      if (done.kind === 'completed') {
        return { status: 'succeeded', connection_id: done.connectionId, checkout_session_id: done.sessionId, charge_id: done.chargeId };
      }
      if (done.kind === 'refunded') {
        throw new ApiError(
          done.reason === 'session_expired' ? 'session_expired' : 'session_used',
          done.reason === 'session_expired'
            ? 'This checkout expired before the payment arrived: it was refunded.'
            : 'This checkout cannot take this payment: it was refunded.',
        );
      }
      throw new Error(`PaymentIntent ${pi.id} succeeded but belongs to no checkout`);
    }
    case 'processing':
    case 'requires_capture':
      throw new ApiError('payment_in_progress', 'Stripe is still processing this payment.');
    case 'requires_action':
    case 'requires_confirmation':
      return { status: 'failed', code: 'authentication_failed', message: 'The card was not authenticated. Nothing was charged.' };
    case 'canceled':
      return { status: 'failed', code: 'card_declined', message: 'This payment was cancelled before it was charged. Nothing was charged.' };
    default: {
      const error = pi.last_payment_error;
      if (error?.decline_code === 'insufficient_funds') {
        return { status: 'failed', code: 'insufficient_funds', message: error.message ?? 'Your card has insufficient funds.' };
      }
      return { status: 'failed', code: 'card_declined', message: error?.message ?? 'The payment did not go through. Nothing was charged.' };
    }
  }
}
