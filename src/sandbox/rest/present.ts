import { encodeToken } from '../../contract/token';
import { fromMinor } from '../../contract/money';
import { iso } from '../http/iso';
import { bundlesOfPlan, metersOfPlan, type BundleRow, type MeterRow, type PlanRow } from '../domain/catalog';
import { type SessionRow, sessionStatus } from '../domain/sessions';
import { type SubscriptionRow, activeSubscriptionOf } from '../domain/subscriptions';
import { balanceOf, type ConnectionRow, subscriptionCredits, walletById } from '../domain/wallets';
import type { Db } from '../storage/db';

/** Response shapes follow @lavapayments/nodejs 8.x types; extra fields are additive. */

export function presentSession(session: SessionRow, base: string, now: number) {
  return {
    checkout_session_id: session.id,
    checkout_session_token: encodeToken({ secret: session.secret, base }),
    checkout_mode: session.mode,
    origin_url: session.origin_url,
    ...(session.connection_id ? { connection_id: session.connection_id } : {}),
    ...(session.reference_id ? { reference_id: session.reference_id } : {}),
    ...(session.subscription_config_id ? { subscription_config_id: session.subscription_config_id } : {}),
    ...(session.credit_bundle_id ? { credit_bundle_id: session.credit_bundle_id } : {}),
    status: sessionStatus(session, now),
    created_at: iso(session.created_at),
    expires_at: iso(session.expires_at),
    ...(session.completed_at !== null ? { completed_at: iso(session.completed_at) } : {}),
    ...(session.completed_connection_id ? { result_connection_id: session.completed_connection_id } : {}),
  };
}

export function presentBundle(bundle: BundleRow) {
  return {
    credit_bundle_id: bundle.id,
    subscription_config_id: bundle.subscription_config_id,
    name: bundle.name,
    cost: fromMinor(bundle.cost),
    credit_amount: fromMinor(bundle.credit_amount),
    created_at: iso(bundle.created_at),
  };
}

export function presentPlan(db: Db, plan: PlanRow) {
  return {
    subscription_config_id: plan.id,
    merchant_id: plan.merchant_id,
    name: plan.name,
    period_amount: fromMinor(plan.period_amount),
    included_credit: fromMinor(plan.included_credit),
    billing_interval: plan.billing_interval,
    rollover_type: plan.rollover_type,
    bundle_rollover_type: plan.bundle_rollover_type,
    linked_meters: metersOfPlan(db, plan.id),
    credit_bundles: bundlesOfPlan(db, plan.id).map((b) => ({
      credit_bundle_id: b.id,
      name: b.name,
      cost: fromMinor(b.cost),
      credit_amount: fromMinor(b.credit_amount),
    })),
    created_at: iso(plan.created_at),
  };
}

export function presentMeter(meter: MeterRow) {
  const tiers = JSON.parse(meter.tiers) as Array<{ start: string; rate: string }>;
  return {
    meter_id: meter.id,
    meter_slug: meter.slug,
    name: meter.name,
    rate_type: meter.rate_type,
    token_basis: meter.token_basis,
    base_cost_payer: meter.base_cost_payer,
    service_charge_payer: meter.service_charge_payer,
    tiers: tiers.map((t) => ({ start: Number(t.start), rate: t.rate, type: meter.tier_type })),
    created_at: iso(meter.created_at),
  };
}

function planOf(db: Db, id: string): PlanRow {
  return db.prepare('SELECT * FROM subscription_configs WHERE id = ?').get(id) as PlanRow;
}

export function presentSubscriptionBase(db: Db, sub: SubscriptionRow) {
  const plan = planOf(db, sub.subscription_config_id);
  const credits = subscriptionCredits(db, sub.id);
  return {
    subscription_id: sub.id,
    subscription_config_id: sub.subscription_config_id,
    status: sub.status,
    started_at: iso(sub.started_at),
    cancelled_at: sub.cancelled_at === null ? null : iso(sub.cancelled_at),
    cycle_start_at: iso(sub.cycle_start_at),
    cycle_end_at: iso(sub.cycle_end_at),
    plan: {
      name: plan.name,
      period_amount: fromMinor(plan.period_amount),
      included_credit: fromMinor(plan.included_credit),
      billing_interval: plan.billing_interval,
      rollover_type: plan.rollover_type,
      bundle_rollover_type: plan.bundle_rollover_type,
    },
    credits: {
      total_remaining: fromMinor(credits.cycle + credits.bundle),
      cycle_remaining: fromMinor(credits.cycle),
      bundle_remaining: fromMinor(credits.bundle),
    },
    pending_change: null,
  };
}

export function presentSubscription(db: Db, sub: SubscriptionRow) {
  const wallet = walletById(db, sub.wallet_id);
  return {
    ...presentSubscriptionBase(db, sub),
    connection_id: sub.connection_id,
    customer: { phone: wallet.phone, email: wallet.email, first_name: wallet.first_name, last_name: wallet.last_name },
  };
}

export function presentConnection(db: Db, conn: ConnectionRow) {
  const wallet = walletById(db, conn.wallet_id);
  const balance = balanceOf(db, wallet.id, 'wallet');
  const sub = activeSubscriptionOf(db, conn.id);
  const credits = sub ? subscriptionCredits(db, sub.id) : { cycle: 0, bundle: 0 };
  const plan = sub ? planOf(db, sub.subscription_config_id) : null;
  const spendable = balance + credits.cycle + balanceOf(db, wallet.id, 'bundle_credit');
  return {
    connection_id: conn.id,
    has_lava_credit_balance: spendable > 0,
    customer: { phone: wallet.phone, email: wallet.email, first_name: wallet.first_name, last_name: wallet.last_name },
    subscription:
      sub && plan
        ? { subscription_id: sub.id, subscription_config_id: plan.id, name: plan.name, status: sub.status }
        : null,
    reference_id: conn.reference_id ?? undefined,
    status: spendable > 0 ? 'ok' : 'limited',
    wallet: {
      balance: fromMinor(balance),
      autopay_enabled: wallet.autopay_enabled === 1,
    },
    created_at: iso(conn.created_at),
  };
}
