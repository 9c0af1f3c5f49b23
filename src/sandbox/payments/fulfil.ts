import { bundleById, planById } from '../domain/catalog';
import { type SessionRow, sessionById } from '../domain/sessions';
import { activeSubscriptionOf } from '../domain/subscriptions';
import { balanceOf } from '../domain/wallets';
import { newId } from '../ids';
import type { Db } from '../storage/db';
import { emitCheckoutCompleted, emitWalletBalanceUpdated, type WebhookEvents } from '../webhooks';
import type { ReusableCard } from './processor';
import type { IntentRow } from './store';

export interface FulfilInput {
  intent: IntentRow;
  walletId: string;
  processor: 'sandbox' | 'stripe';
  chargeRef: string;
  card: ReusableCard;
  /** Save the card on the wallet (and turn autopay on). */
  saveCard: boolean;
  /** The saved card used, if any. */
  paymentMethodId: string | null;
  idempotencyKey: string;
  now: number;
  webhooks: WebhookEvents;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

export function periodEnd(start: number, interval: 'day' | 'week' | 'month' | 'year'): number {
  if (interval === 'day') return start + 86_400_000;
  if (interval === 'week') return start + 7 * 86_400_000;
  return addMonths(start, interval === 'month' ? 1 : 12);
}

/** Credits the wallet / subscription for a succeeded charge. */
function applyMode(db: Db, session: SessionRow, intent: IntentRow, walletId: string, chargeId: string, now: number): void {
  const ledger = db.prepare(
    `INSERT INTO ledger (wallet_id, connection_id, subscription_id, account, amount, reason, charge_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  switch (session.mode) {
    case 'onboarding':
    case 'topup':
      ledger.run(walletId, intent.connection_id, null, 'wallet', intent.amount, session.mode, chargeId, now);
      return;
    case 'subscription': {
      const plan = planById(db, session.merchant_id, session.subscription_config_id!)!;
      // One plan per connection: subscribing to another plan replaces the current one now.
      db.prepare("UPDATE subscriptions SET status = 'cancelled', cancelled_at = ? WHERE connection_id = ? AND status = 'active'").run(
        now,
        intent.connection_id,
      );
      const subId = newId('sub');
      db.prepare(
        `INSERT INTO subscriptions (id, merchant_id, connection_id, wallet_id, subscription_config_id, status, started_at,
           cycle_start_at, cycle_end_at, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
      ).run(subId, session.merchant_id, intent.connection_id, walletId, plan.id, now, now, periodEnd(now, plan.billing_interval), now);
      if (plan.included_credit > 0) {
        ledger.run(walletId, intent.connection_id, subId, 'cycle_credit', plan.included_credit, 'plan_included_credit', chargeId, now);
      }
      return;
    }
    case 'credit_bundle': {
      const bundle = bundleById(db, session.merchant_id, session.credit_bundle_id!)!;
      const sub = activeSubscriptionOf(db, intent.connection_id);
      const subId = sub && sub.subscription_config_id === bundle.subscription_config_id ? sub.id : null;
      ledger.run(walletId, intent.connection_id, subId, 'bundle_credit', bundle.credit_amount, 'credit_bundle', chargeId, now);
      return;
    }
  }
}

/** Marks the session completed exactly once; throws (rolling the transaction back) otherwise. */
export function completeSession(db: Db, sessionId: string, connectionId: string, now: number): void {
  const done = db
    .prepare(
      `UPDATE checkout_sessions SET completed_at = ?, completed_connection_id = ?, charging_intent_id = NULL
       WHERE id = ? AND completed_at IS NULL`,
    )
    .run(now, connectionId, sessionId);
  if (done.changes !== 1) throw new Error(`checkout session ${sessionId} was already completed`);
}

/**
 * Everything a succeeded charge changes, in the caller's transaction: the charge row, the saved
 * card, ledger rows, the subscription, the session's completion and the webhook events.
 */
export function fulfil(db: Db, input: FulfilInput): string {
  const { intent, walletId, now } = input;
  const session = sessionById(db, intent.session_id)!;
  let paymentMethodId = input.paymentMethodId;
  if (input.saveCard && !paymentMethodId) {
    const { details, processorRef } = input.card;
    db.prepare(
      `INSERT OR IGNORE INTO payment_methods (id, wallet_id, brand, last4, exp_month, exp_year, processor, processor_ref, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId('pm'), walletId, details.brand, details.last4, details.exp_month, details.exp_year, input.processor, processorRef, now);
    paymentMethodId = (
      db.prepare('SELECT id FROM payment_methods WHERE wallet_id = ? AND processor = ? AND processor_ref = ?').get(
        walletId,
        input.processor,
        processorRef,
      ) as { id: string }
    ).id;
    db.prepare('UPDATE wallets SET autopay_enabled = 1 WHERE id = ?').run(walletId);
  }
  const chargeId = newId('ch');
  db.prepare(
    `INSERT INTO charges (id, intent_id, session_id, wallet_id, amount, currency, payment_method_id, brand, last4, processor,
       processor_ref, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    chargeId,
    intent.id,
    intent.session_id,
    walletId,
    intent.amount,
    paymentMethodId,
    input.card.details.brand,
    input.card.details.last4,
    input.processor,
    input.chargeRef,
    input.idempotencyKey,
    now,
  );
  const before = balanceOf(db, walletId, 'wallet');
  applyMode(db, session, intent, walletId, chargeId, now);
  completeSession(db, session.id, intent.connection_id, now);
  emitCheckoutCompleted(input.webhooks, db, session.id, intent.amount);
  if (session.mode === 'onboarding' || session.mode === 'topup') {
    emitWalletBalanceUpdated(input.webhooks, db, walletId, { previousMinor: before, reason: session.mode });
  }
  return chargeId;
}
