import { ApiError } from '../http/errors';
import type { Db } from '../storage/db';
import { type StripePaymentIntent, stripeErrorCode } from './stripe-api';
import { reconcileSucceeded } from './stripe-reconcile';
import { createKey, nextGeneration, type SessionIntentRow, type StripeDeps, sessionIntentRow } from './stripe-store';

// Stripe calls for one session run one at a time in this process: two tabs asking at once get the
// same PaymentIntent, and amount updates land in the order they were asked.
const queues = new WeakMap<Db, Map<string, Promise<unknown>>>();

function serialized<T>(db: Db, sessionId: string, run: () => Promise<T>): Promise<T> {
  let perDb = queues.get(db);
  if (!perDb) {
    perDb = new Map();
    queues.set(db, perDb);
  }
  const previous = perDb.get(sessionId) ?? Promise.resolve();
  const next = previous.then(run, run);
  const tail = next.catch(() => undefined);
  perDb.set(sessionId, tail);
  void tail.then(() => {
    if (perDb.get(sessionId) === tail) perDb.delete(sessionId);
  });
  return next;
}

export interface IntentRequest {
  sessionId: string;
  connectionId: string;
  /** Our intent (`payment_intents`) the customer is paying now, with its amount and description. */
  intentId: string;
  amount: number;
  description: string;
}

/**
 * The session's PaymentIntent, at this intent's amount: created once (Stripe idempotency key
 * derived from the session), updated when the amount changes, and shared by every tab of the
 * same wallet. Another wallet asking gets a new one and the old one is cancelled, so a payment
 * always lands on the wallet its PaymentIntent was made for.
 */
export function paymentIntentForSession(deps: StripeDeps, request: IntentRequest): Promise<{ paymentIntentId: string; clientSecret: string }> {
  return serialized(deps.db, request.sessionId, async () => {
    // A cancelled PaymentIntent starts a new generation; more than a couple in one call is a bug.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = openRowFor(deps, request);
      await cancelSuperseded(deps, request.sessionId);
      const created = await ensureCreated(deps, row);
      let pi: { amount: number } = created;
      if (created.amount !== request.amount) {
        try {
          pi = await deps.stripe.api.paymentIntents.update(created.payment_intent_id, { amount: request.amount, description: request.description });
        } catch (err) {
          if (stripeErrorCode(err) !== 'payment_intent_unexpected_state') throw err;
          // Confirmed (or cancelled) since: settle what Stripe has, then answer from that.
          const current = await deps.stripe.api.paymentIntents.retrieve(created.payment_intent_id, { expand: ['payment_method'] });
          if (await settleUnusable(deps, created, current)) continue;
        }
      }
      deps.db.transaction(() => {
        const now = deps.now();
        deps.db
          .prepare('UPDATE stripe_payment_intents SET amount = ?, updated_at = ? WHERE session_id = ? AND generation = ?')
          .run(pi.amount, now, created.session_id, created.generation);
        deps.db
          .prepare('UPDATE payment_intents SET processor_ref = ?, client_secret = ?, updated_at = ? WHERE id = ?')
          .run(created.payment_intent_id, created.client_secret, now, request.intentId);
      })();
      return { paymentIntentId: created.payment_intent_id, clientSecret: created.client_secret };
    }
    throw new Error(`Stripe cancelled every PaymentIntent made for checkout session ${request.sessionId}`);
  });
}

/** The session's open row for this wallet; another wallet's open row is superseded by a new generation. */
function openRowFor(deps: StripeDeps, request: IntentRequest): SessionIntentRow {
  const { db } = deps;
  return db.transaction((): SessionIntentRow => {
    const open = db.prepare("SELECT * FROM stripe_payment_intents WHERE session_id = ? AND status = 'open'").get(request.sessionId) as
      | SessionIntentRow
      | undefined;
    if (open?.connection_id === request.connectionId) return open;
    const now = deps.now();
    if (open) {
      db.prepare("UPDATE stripe_payment_intents SET status = 'superseded', updated_at = ? WHERE session_id = ? AND generation = ?").run(
        now,
        open.session_id,
        open.generation,
      );
    }
    const generation = nextGeneration(db, request.sessionId);
    db.prepare(
      `INSERT INTO stripe_payment_intents (session_id, generation, connection_id, create_amount, create_description, amount, status,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    ).run(request.sessionId, generation, request.connectionId, request.amount, request.description, request.amount, now, now);
    return sessionIntentRow(db, request.sessionId, generation)!;
  })();
}

type CreatedRow = SessionIntentRow & { payment_intent_id: string; client_secret: string };

/**
 * Creates the row's PaymentIntent if it has none yet, with the parameters recorded before the
 * first try: a retry after a crash (or a lost answer) sends the same request under the same key,
 * and Stripe answers with the PaymentIntent it already made.
 */
async function ensureCreated(deps: StripeDeps, row: SessionIntentRow): Promise<CreatedRow> {
  if (row.payment_intent_id && row.client_secret) return row as CreatedRow;
  const pi = await deps.stripe.api.paymentIntents.create(
    {
      amount: row.create_amount,
      currency: 'usd',
      description: row.create_description,
      metadata: { checkout_session_id: row.session_id, connection_id: row.connection_id, lava_generation: String(row.generation) },
      automatic_payment_methods: { enabled: true },
    },
    { idempotencyKey: createKey(row.session_id, row.generation) },
  );
  if (!pi.client_secret) throw new Error('Stripe returned a PaymentIntent without a client secret');
  deps.db
    .prepare(
      `UPDATE stripe_payment_intents SET payment_intent_id = ?, client_secret = ?, amount = ?, updated_at = ?
       WHERE session_id = ? AND generation = ?`,
    )
    .run(pi.id, pi.client_secret, pi.amount, deps.now(), row.session_id, row.generation);
  return sessionIntentRow(deps.db, row.session_id, row.generation) as CreatedRow;
}

/**
 * A PaymentIntent that can no longer take an amount: cancelled (mark it; the caller starts a new
 * generation, `true`), succeeded (reconcile: the session completes or the payment is refunded; the
 * caller may not go on), or still being paid.
 */
async function settleUnusable(deps: StripeDeps, row: CreatedRow, pi: StripePaymentIntent): Promise<boolean> {
  if (pi.status === 'canceled') {
    deps.db
      .prepare("UPDATE stripe_payment_intents SET status = 'canceled', updated_at = ? WHERE session_id = ? AND generation = ? AND status IN ('open', 'superseded')")
      .run(deps.now(), row.session_id, row.generation);
    return true;
  }
  if (pi.status === 'succeeded') {
    await reconcileSucceeded(deps, pi, { saveCard: false });
    throw new ApiError('session_used', 'This checkout was just paid.');
  }
  throw new ApiError('payment_in_progress', 'A payment for this checkout is being processed.');
}

/** Cancels at Stripe the session's PaymentIntents that were given up, unless they were paid meanwhile. */
export async function cancelSuperseded(deps: StripeDeps, sessionId: string): Promise<void> {
  const rows = deps.db.prepare("SELECT * FROM stripe_payment_intents WHERE session_id = ? AND status = 'superseded'").all(sessionId) as SessionIntentRow[];
  for (const row of rows) {
    const created = await ensureCreated(deps, row);
    try {
      await deps.stripe.api.paymentIntents.cancel(
        created.payment_intent_id,
        { cancellation_reason: 'abandoned' },
        { idempotencyKey: `lava_cancel_${created.payment_intent_id}` },
      );
    } catch (err) {
      if (stripeErrorCode(err) !== 'payment_intent_unexpected_state') throw err;
      const current = await deps.stripe.api.paymentIntents.retrieve(created.payment_intent_id, { expand: ['payment_method'] });
      // Paid just before it was given up: the payment is its own wallet's (or refunded).
      if (current.status === 'succeeded') {
        await reconcileSucceeded(deps, current, { saveCard: false });
        continue;
      }
      if (current.status !== 'canceled') throw err;
    }
    deps.db
      .prepare("UPDATE stripe_payment_intents SET status = 'canceled', updated_at = ? WHERE session_id = ? AND generation = ? AND status = 'superseded'")
      .run(deps.now(), row.session_id, row.generation);
  }
}

/**
 * Gives up the open PaymentIntents of sessions that can no longer take a payment (completed,
 * expired) and cancels them at Stripe; one paid meanwhile is reconciled (refunded).
 */
export async function cancelUnusable(deps: StripeDeps, sessionId?: string): Promise<void> {
  const sessions = deps.db.transaction((): string[] => {
    const rows = deps.db
      .prepare(
        `SELECT spi.session_id FROM stripe_payment_intents spi JOIN checkout_sessions cs ON cs.id = spi.session_id
         WHERE spi.status = 'open' AND (cs.completed_at IS NOT NULL OR cs.expires_at <= ?)${sessionId ? ' AND cs.id = ?' : ''}`,
      )
      .all(...(sessionId ? [deps.now(), sessionId] : [deps.now()])) as Array<{ session_id: string }>;
    for (const { session_id } of rows) {
      deps.db
        .prepare("UPDATE stripe_payment_intents SET status = 'superseded', updated_at = ? WHERE session_id = ? AND status = 'open'")
        .run(deps.now(), session_id);
    }
    return rows.map((r) => r.session_id);
  })();
  for (const id of sessions) await serialized(deps.db, id, () => cancelSuperseded(deps, id));
}
