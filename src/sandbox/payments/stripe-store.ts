import type { Db } from '../storage/db';
import type { PaymentDeps } from './confirm';
import type { StripeAccount } from './stripe-api';

/** What the Stripe side of payments needs: the payment deps and the Stripe account. */
export interface StripeDeps extends PaymentDeps {
  stripe: StripeAccount;
}

export type SessionIntentStatus = 'open' | 'superseded' | 'canceled' | 'succeeded' | 'refunding' | 'refunded';

/** A row of `stripe_payment_intents`: one generation of a session's PaymentIntent. */
export interface SessionIntentRow {
  session_id: string;
  generation: number;
  connection_id: string;
  create_amount: number;
  create_description: string;
  payment_intent_id: string | null;
  client_secret: string | null;
  amount: number;
  status: SessionIntentStatus;
  refund_id: string | null;
  refund_reason: string | null;
  created_at: number;
  updated_at: number;
}

export function sessionIntentByStripeId(db: Db, paymentIntentId: string): SessionIntentRow | undefined {
  return db.prepare('SELECT * FROM stripe_payment_intents WHERE payment_intent_id = ?').get(paymentIntentId) as SessionIntentRow | undefined;
}

export function sessionIntentRow(db: Db, sessionId: string, generation: number): SessionIntentRow | undefined {
  return db.prepare('SELECT * FROM stripe_payment_intents WHERE session_id = ? AND generation = ?').get(sessionId, generation) as
    | SessionIntentRow
    | undefined;
}

/** The next free generation of a session (adopted and given-up rows keep theirs). */
export function nextGeneration(db: Db, sessionId: string): number {
  const row = db.prepare('SELECT MAX(generation) AS g FROM stripe_payment_intents WHERE session_id = ?').get(sessionId) as { g: number | null };
  return (row.g ?? 0) + 1;
}

/** Stripe's idempotency key for creating generation `n` of a session's PaymentIntent. */
export function createKey(sessionId: string, generation: number): string {
  return `lava_${sessionId}_pi${generation}`;
}

