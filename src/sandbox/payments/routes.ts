import { Hono } from 'hono';
import type { CompleteResponse, PaymentIntentResponse } from '../../contract/flow-api';
import { fromMinor } from '../../contract/money';
import type { SandboxContext } from '../context';
import { merchantById } from '../domain/merchants';
import { assertOpen } from '../domain/sessions';
import { alreadySubscribed } from '../domain/subscriptions';
import { connectionById } from '../domain/wallets';
import { requireFlowToken, requireVerified } from '../flow/auth';
import type { FlowEnv } from '../flow/env';
import { field, readJsonObject } from '../http/body';
import { ApiError, invalid } from '../http/errors';
import { newId } from '../ids';
import { emitCheckoutCompleted } from '../webhooks';
import { type ConfirmMethod, confirmIntent, type PaymentDeps } from './confirm';
import { completeSession } from './fulfil';
import { priceOf } from './pricing';
import { cancelUnusable, paymentIntentForSession } from './stripe-intents';
import { confirmStripePayment } from './stripe-reconcile';
import { type IntentRow, intentById, savedCardsOf } from './store';

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

function idempotencyKey(body: Record<string, unknown>): string {
  const key = body.idempotency_key;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw invalid("'idempotency_key' must be 8-200 characters of letters, digits, '_', '-', '.', ':'.");
  }
  return key;
}

/** The connection this credential pays for: set once the wallet step is done. */
function connectionOf(ctx: SandboxContext, c: { get(k: 'credential'): { connection_id: string | null }; get(k: 'session'): { merchant_id: string } }) {
  const id = c.get('credential').connection_id;
  const conn = id ? connectionById(ctx.db, c.get('session').merchant_id, id) : undefined;
  if (!conn) throw new ApiError('forbidden', 'Create or link a wallet first.');
  return conn;
}

export function paymentRoutes(ctx: SandboxContext, deps: PaymentDeps): Hono<FlowEnv> {
  const app = new Hono<FlowEnv>();

  app.post('/payment/intent', requireFlowToken(ctx), requireVerified, async (c) => {
    const body = await readJsonObject(c);
    const key = idempotencyKey(body);
    const session = c.get('session');
    const conn = connectionOf(ctx, c);
    if (alreadySubscribed(ctx.db, session, conn.id)) {
      throw new ApiError('conflict', 'This wallet is already on this plan: complete the checkout without paying.');
    }
    const { amount, description } = priceOf(ctx.db, session, merchantById(ctx.db, session.merchant_id), body.amount);
    const now = ctx.now();
    const intent = ctx.db.transaction((): IntentRow => {
      const existing = ctx.db
        .prepare('SELECT * FROM payment_intents WHERE session_id = ? AND idempotency_key = ?')
        .get(session.id, key) as IntentRow | undefined;
      if (existing) {
        if (existing.amount !== amount || existing.connection_id !== conn.id) {
          throw new ApiError('conflict', 'This idempotency key was used for a different payment.');
        }
        return existing;
      }
      const id = newId('pi');
      ctx.db
        .prepare(
          `INSERT INTO payment_intents (id, session_id, connection_id, idempotency_key, amount, description, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'requires_payment_method', ?, ?)`,
        )
        .run(id, session.id, conn.id, key, amount, description, now, now);
      return intentById(ctx.db, id)!;
    })();
    let clientSecret = intent.client_secret;
    const stripe = deps.processor.stripe;
    if (stripe) {
      // The session's one PaymentIntent, at this intent's amount (every tab pays through it).
      const prepared = await paymentIntentForSession(
        { ...deps, stripe },
        { sessionId: session.id, connectionId: conn.id, intentId: intent.id, amount: intent.amount, description: intent.description },
      );
      clientSecret = prepared.clientSecret;
    }
    const answer: PaymentIntentResponse = {
      intent_id: intent.id,
      amount: fromMinor(intent.amount),
      currency: 'USD',
      description: intent.description,
      saved_cards: savedCardsOf(ctx.db, conn.wallet_id, deps.processor.kind),
      ...(clientSecret ? { client_secret: clientSecret } : {}),
    };
    return c.json(answer);
  });

  // Open even after completion, so a retried confirm gets its original answer back.
  app.post('/payment/confirm', requireFlowToken(ctx, { allowClosed: true }), requireVerified, async (c) => {
    const body = await readJsonObject(c);
    const key = idempotencyKey(body);
    const intentId = field.string(body, 'intent_id', { max: 100 });
    const intent = intentById(ctx.db, intentId);
    if (!intent || intent.session_id !== c.get('session').id) throw new ApiError('not_found', 'No such payment for this checkout.');
    if (c.get('credential').connection_id !== intent.connection_id) {
      throw new ApiError('forbidden', 'This payment belongs to another wallet.');
    }
    const saveCard = field.optionalBoolean(body, 'save_card') ?? false;
    const given = ['card', 'payment_method_id', 'stripe_payment_intent_id', 'challenge'].filter((k) => body[k] !== undefined && body[k] !== null);
    if (given.length !== 1) {
      throw invalid("Send exactly one of 'card', 'payment_method_id', 'stripe_payment_intent_id' or 'challenge'.");
    }
    let method: ConfirmMethod;
    if (given[0] === 'card') {
      method = { kind: 'card', card: field.object(body.card, 'card'), saveCard };
    } else if (given[0] === 'payment_method_id') {
      method = { kind: 'saved', paymentMethodId: field.string(body, 'payment_method_id', { max: 100 }) };
    } else if (given[0] === 'stripe_payment_intent_id') {
      method = { kind: 'stripe', paymentIntentId: field.string(body, 'stripe_payment_intent_id', { max: 200 }), saveCard };
    } else {
      const challenge = field.object(body.challenge, 'challenge');
      const approve = challenge.approve;
      if (typeof approve !== 'boolean') throw invalid("'challenge.approve' must be a boolean.");
      method = { kind: 'challenge', challengeId: field.string(challenge, 'challenge_id', { max: 100 }), approve };
    }
    const stripe = deps.processor.stripe;
    if (method.kind === 'stripe' && stripe) {
      return c.json(await confirmStripePayment({ ...deps, stripe }, intent, method.paymentIntentId, { saveCard: method.saveCard }));
    }
    return c.json(await confirmIntent(deps, intent.id, key, method));
  });

  // Ends a checkout that needs no charge: subscription mode, wallet already on the plan.
  app.post('/complete', requireFlowToken(ctx, { allowClosed: true }), requireVerified, async (c) => {
    await readJsonObject(c);
    const session = c.get('session');
    const conn = connectionOf(ctx, c);
    const answer: CompleteResponse = { connection_id: conn.id, checkout_session_id: session.id };
    if (session.completed_at !== null && session.completed_connection_id === conn.id) return c.json(answer);
    assertOpen(session, ctx.now());
    if (!alreadySubscribed(ctx.db, session, conn.id)) throw new ApiError('conflict', 'This checkout needs a payment to complete.');
    ctx.db.transaction(() => {
      const busy = ctx.db.prepare('SELECT charging_intent_id FROM checkout_sessions WHERE id = ?').get(session.id) as {
        charging_intent_id: string | null;
      };
      if (busy.charging_intent_id) throw new ApiError('payment_in_progress', 'A payment for this checkout is being processed.');
      completeSession(ctx.db, session.id, conn.id, ctx.now());
      emitCheckoutCompleted(deps.webhooks, ctx.db, session.id, 0);
    })();
    // Stripe: the session's PaymentIntent can no longer be paid (if it just was, it is refunded).
    const stripe = deps.processor.stripe;
    if (stripe) await cancelUnusable({ ...deps, stripe }, session.id);
    return c.json(answer);
  });

  return app;
}
