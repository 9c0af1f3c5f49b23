import type { Db } from '../storage/db';

export interface PlanRow {
  seq: number;
  id: string;
  merchant_id: string;
  name: string;
  period_amount: number;
  included_credit: number;
  billing_interval: 'day' | 'week' | 'month' | 'year';
  rollover_type: 'full' | 'none';
  bundle_rollover_type: 'full' | 'none';
  created_at: number;
}

export interface BundleRow {
  seq: number;
  id: string;
  subscription_config_id: string;
  name: string;
  cost: number;
  credit_amount: number;
  created_at: number;
}

export interface MeterRow {
  seq: number;
  id: string;
  merchant_id: string;
  slug: string;
  name: string;
  rate_type: 'fixed' | 'percentage';
  tier_type: 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests';
  token_basis: 'input+output' | 'output';
  base_cost_payer: 'merchant' | 'wallet';
  service_charge_payer: 'merchant' | 'wallet';
  tiers: string;
  created_at: number;
}

export function planById(db: Db, merchantId: string, id: string): PlanRow | undefined {
  return db.prepare('SELECT * FROM subscription_configs WHERE id = ? AND merchant_id = ?').get(id, merchantId) as
    | PlanRow
    | undefined;
}

/** A credit bundle of one of the merchant's plans. */
export function bundleById(db: Db, merchantId: string, id: string): BundleRow | undefined {
  return db
    .prepare(
      `SELECT b.* FROM credit_bundles b JOIN subscription_configs p ON p.id = b.subscription_config_id
       WHERE b.id = ? AND p.merchant_id = ?`,
    )
    .get(id, merchantId) as BundleRow | undefined;
}

export function bundlesOfPlan(db: Db, planId: string): BundleRow[] {
  return db.prepare('SELECT * FROM credit_bundles WHERE subscription_config_id = ? ORDER BY seq').all(planId) as BundleRow[];
}

export function metersOfPlan(db: Db, planId: string): Array<{ meter_id: string; name: string }> {
  return db
    .prepare(
      `SELECT m.id AS meter_id, m.name FROM subscription_config_meters l JOIN meters m ON m.id = l.meter_id
       WHERE l.subscription_config_id = ? ORDER BY m.seq`,
    )
    .all(planId) as Array<{ meter_id: string; name: string }>;
}

export function meterById(db: Db, merchantId: string, id: string): MeterRow | undefined {
  return db.prepare('SELECT * FROM meters WHERE id = ? AND merchant_id = ?').get(id, merchantId) as MeterRow | undefined;
}
