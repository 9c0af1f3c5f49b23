import type { SavedCard } from '../../contract/flow-api';
import type { Db } from '../storage/db';

export interface IntentRow {
  id: string;
  session_id: string;
  connection_id: string;
  idempotency_key: string;
  amount: number;
  description: string;
  status: 'requires_payment_method' | 'processing' | 'requires_action' | 'succeeded';
  challenge_id: string | null;
  pending: string | null;
  last_error: string | null;
  charge_id: string | null;
  processor_ref: string | null;
  client_secret: string | null;
  created_at: number;
  updated_at: number;
}

export interface PaymentMethodRow {
  id: string;
  wallet_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  processor: string;
  processor_ref: string;
  created_at: number;
}

export interface ChargeRow {
  seq: number;
  id: string;
  intent_id: string;
  session_id: string;
  wallet_id: string;
  amount: number;
  currency: string;
  payment_method_id: string | null;
  brand: string;
  last4: string;
  processor: string;
  processor_ref: string | null;
  idempotency_key: string;
  created_at: number;
}

export function intentById(db: Db, id: string): IntentRow | undefined {
  return db.prepare('SELECT * FROM payment_intents WHERE id = ?').get(id) as IntentRow | undefined;
}

export function savedCardsOf(db: Db, walletId: string, processor: string): SavedCard[] {
  const rows = db
    .prepare('SELECT * FROM payment_methods WHERE wallet_id = ? AND processor = ? ORDER BY created_at DESC, id')
    .all(walletId, processor) as PaymentMethodRow[];
  return rows.map((r) => ({ payment_method_id: r.id, brand: r.brand, last4: r.last4, exp_month: r.exp_month, exp_year: r.exp_year }));
}

export function paymentMethodOf(db: Db, walletId: string, id: string): PaymentMethodRow | undefined {
  return db.prepare('SELECT * FROM payment_methods WHERE id = ? AND wallet_id = ?').get(id, walletId) as PaymentMethodRow | undefined;
}

/**
 * After a crash, nothing may stay "in flight": intents caught mid-call go back to awaiting a
 * payment method, their attempts are forgotten (the client retries with the same key, which the
 * processor also receives) and session locks are released.
 */
export function recoverInterruptedPayments(db: Db): number {
  return db.transaction(() => {
    const stuck = db.prepare("UPDATE payment_intents SET status = 'requires_payment_method' WHERE status = 'processing'").run();
    db.prepare("DELETE FROM confirm_attempts WHERE status = 'processing'").run();
    db.prepare('UPDATE checkout_sessions SET charging_intent_id = NULL WHERE charging_intent_id IS NOT NULL').run();
    return stuck.changes;
  })();
}
