import type { ConfirmPaymentResponse } from '../../contract/flow-api';
import { assertOpen, sessionById } from '../domain/sessions';
import { connectionById } from '../domain/wallets';
import { ApiError, invalid } from '../http/errors';
import { newId } from '../ids';
import type { Db } from '../storage/db';
import type { WebhookEvents } from '../webhooks';
import type { CardFields } from './cards';
import {
  attemptOf,
  forgetAttempt,
  markFailed,
  markInterrupted,
  markProcessing,
  markRequiresAction,
  markSucceeded,
  recordAttempt,
  releasePaymentLock,
  settleAttempt,
  takePaymentLock,
} from './confirm-store';
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
  | { kind: 'card'; card: CardFields; saveCard: boolean }
  | { kind: 'saved'; paymentMethodId: string }
  | { kind: 'stripe'; paymentIntentId: string; saveCard: boolean }
  | { kind: 'challenge'; challengeId: string; approve: boolean };

/** What a challenge waits on: the card to charge again once the customer approves. */
interface Pending {
  card: ReusableCard;
  saveCard: boolean;
  paymentMethodId: string | null;
}

/** What to ask the processor for, and what to do with the card once it succeeds. */
interface Charge {
  method: ChargeMethod;
  authenticated: boolean;
  saveCard: boolean;
  paymentMethodId: string | null;
}

type Begun = { replay: ConfirmAnswer } | { charge: Charge; walletId: string };

function succeededAnswer(intent: IntentRow): ConfirmAnswer {
  return { status: 'succeeded', connection_id: intent.connection_id, checkout_session_id: intent.session_id, charge_id: intent.charge_id! };
}

const inProgress = () => new ApiError('payment_in_progress', 'This payment is already being processed.');

/**
 * Step 1, one transaction: replay a known answer for this idempotency key, or record the key,
 * take the session's payment lock and mark the intent as processing before the processor is called.
 */
function begin(deps: PaymentDeps, intentId: string, key: string, method: ConfirmMethod): Begun {
  const { db } = deps;
  const now = deps.now();
  const intent = intentById(db, intentId)!;
  const known = replay(db, intent, key, now);
  if (known) return { replay: known };
  const session = sessionById(db, intent.session_id)!;
  assertOpen(session, now);
  if (intent.status === 'processing') throw inProgress();
  const walletId = connectionById(db, session.merchant_id, intent.connection_id)?.wallet_id;
  if (!walletId) throw new ApiError('forbidden', 'The connection for this payment no longer exists.');
  const charge = method.kind === 'challenge' ? answerChallenge(db, intent, key, method, now) : chargeFor(deps, walletId, method);
  if ('replay' in charge) return charge;
  lock(db, intent, key, now);
  return { charge, walletId };
}

/**
 * The answer this key already has, if any: the intent's one charge (however it is asked: same
 * key, another key, another tab) or the challenge still waiting. A key whose attempt failed, or
 * whose challenge is gone, is forgotten so it may run again: nothing was charged.
 */
function replay(db: Db, intent: IntentRow, key: string, now: number): ConfirmAnswer | null {
  const attempt = attemptOf(db, intent.id, key);
  if (attempt?.status === 'processing') throw inProgress();
  if (intent.status === 'succeeded') {
    const answer = succeededAnswer(intent);
    recordAttempt(db, intent.id, key, 'succeeded', answer, now);
    return answer;
  }
  if (attempt?.status === 'requires_action' && intent.status === 'requires_action' && attempt.response) {
    const stored = JSON.parse(attempt.response) as ConfirmAnswer;
    if (stored.status === 'requires_action' && stored.challenge_id === intent.challenge_id) return stored;
  }
  if (attempt) forgetAttempt(db, intent.id, key);
  return null;
}

/** The customer's answer to the authentication challenge: charge the waiting card, or fail without a charge. */
function answerChallenge(
  db: Db,
  intent: IntentRow,
  key: string,
  method: Extract<ConfirmMethod, { kind: 'challenge' }>,
  now: number,
): Charge | { replay: ConfirmAnswer } {
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
    markFailed(db, intent.id, 'authentication_failed', now);
    recordAttempt(db, intent.id, key, 'failed', answer, now);
    return { replay: answer };
  }
  return {
    method: { kind: 'saved', processorRef: pending.card.processorRef, details: pending.card.details },
    authenticated: true,
    saveCard: pending.saveCard,
    paymentMethodId: pending.paymentMethodId,
  };
}

/** A typed card, a card saved on the paying wallet (with this processor), or a Stripe PaymentIntent. */
function chargeFor(deps: PaymentDeps, walletId: string, method: Exclude<ConfirmMethod, { kind: 'challenge' }>): Charge {
  if (method.kind === 'saved') {
    const pm = paymentMethodOf(deps.db, walletId, method.paymentMethodId);
    if (!pm || pm.processor !== deps.processor.kind) throw new ApiError('not_found', 'This saved card is not on your wallet.');
    return {
      method: {
        kind: 'saved',
        processorRef: pm.processor_ref,
        details: { brand: pm.brand, last4: pm.last4, exp_month: pm.exp_month, exp_year: pm.exp_year },
      },
      authenticated: false,
      saveCard: false,
      paymentMethodId: pm.id,
    };
  }
  if (method.kind === 'card') {
    return { method: { kind: 'card', card: method.card }, authenticated: false, saveCard: method.saveCard, paymentMethodId: null };
  }
  return { method: { kind: 'stripe', paymentIntentId: method.paymentIntentId }, authenticated: false, saveCard: method.saveCard, paymentMethodId: null };
}

/** One intent per session talks to the processor at a time; the key is written before it does. */
function lock(db: Db, intent: IntentRow, key: string, now: number): void {
  if (!takePaymentLock(db, intent.session_id, intent.id)) {
    throw new ApiError('payment_in_progress', 'Another payment for this checkout is being processed.');
  }
  markProcessing(db, intent.id, now);
  recordAttempt(db, intent.id, key, 'processing', null, now);
}

/** Step 3, one transaction: record the processor's outcome and release the lock. */
function finish(deps: PaymentDeps, intentId: string, key: string, begun: Extract<Begun, { charge: Charge }>, outcome: ChargeOutcome): ConfirmAnswer {
  const { db } = deps;
  const now = deps.now();
  const intent = intentById(db, intentId)!;
  let answer: ConfirmAnswer;
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
    markSucceeded(db, intentId, chargeId, outcome.chargeRef, now);
    answer = succeededAnswer(intentById(db, intentId)!);
  } else if (outcome.status === 'requires_action') {
    const challengeId = newId('chal');
    const pending: Pending = { card: outcome.card, saveCard: begun.charge.saveCard, paymentMethodId: begun.charge.paymentMethodId };
    markRequiresAction(db, intentId, challengeId, JSON.stringify(pending), now);
    answer = { status: 'requires_action', challenge_id: challengeId };
  } else {
    markFailed(db, intentId, outcome.code, now);
    answer = outcome.field
      ? { status: 'failed', code: outcome.code, message: outcome.message, field: outcome.field }
      : { status: 'failed', code: outcome.code, message: outcome.message };
  }
  releasePaymentLock(db, intent.session_id, intentId);
  settleAttempt(db, intentId, key, answer.status, answer);
  return answer;
}

/** The processor call failed or its outcome could not be recorded: nothing was charged here, so the key may run again. */
function release(deps: PaymentDeps, intentId: string, key: string): void {
  const { db } = deps;
  db.transaction(() => {
    const intent = intentById(db, intentId)!;
    markInterrupted(db, intentId, deps.now());
    forgetAttempt(db, intentId, key);
    releasePaymentLock(db, intent.session_id, intentId);
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
