import { readFileSync } from 'node:fs';
import { toMinor } from '../../contract/money';
import { generateWebhookSecret } from '../../webhooks/secret';
import defaultSeed from '../seed.default.json' with { type: 'json' };
import { newId } from '../ids';
import type { Db } from './db';

/** The JSON file the sandbox seeds an empty database from (`--seed FILE`). */
export interface SeedFile {
  merchant: { id?: string; name: string; secret_key: string };
  amounts?: { min: string; max: string; presets: string[] };
  meters?: Array<{
    id?: string;
    slug: string;
    name: string;
    rate_type?: 'fixed' | 'percentage';
    tier_type?: 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests';
    tiers?: Array<{ start: string; rate: string }>;
  }>;
  subscription_configs?: Array<{
    id?: string;
    name: string;
    period_amount: string;
    billing_interval?: 'day' | 'week' | 'month' | 'year';
    included_credit?: string;
    rollover_type?: 'full' | 'none';
    bundle_rollover_type?: 'full' | 'none';
    meter_ids?: string[];
    credit_bundles?: Array<{ id?: string; name: string; cost: string; credit_amount: string }>;
  }>;
  webhook_endpoints?: Array<{ url: string; secret?: string; events?: string[] }>;
}

export const DEFAULT_SEED = defaultSeed as SeedFile;

export function readSeedFile(path: string): SeedFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read seed file ${path}: ${(err as Error).message}`);
  }
  return parsed as SeedFile;
}

function money(value: string, where: string): number {
  const minor = typeof value === 'string' ? toMinor(value) : null;
  if (minor === null) throw new Error(`Seed: ${where} must be a decimal string like "25.00"`);
  return minor;
}

/** Seeds an empty database (first start); does nothing when a merchant already exists. */
export function applySeed(db: Db, seed: SeedFile, now: number): boolean {
  const existing = db.prepare('SELECT COUNT(*) AS n FROM merchants').get() as { n: number };
  if (existing.n > 0) return false;
  const m = seed.merchant;
  if (!m || typeof m.name !== 'string' || typeof m.secret_key !== 'string' || !m.secret_key.startsWith('aks_test_')) {
    throw new Error('Seed: merchant needs a name and a secret_key starting with aks_test_');
  }
  const amounts = seed.amounts ?? { min: '5.00', max: '1000.00', presets: ['10.00', '25.00', '50.00', '100.00'] };
  const merchantId = m.id ?? newId('merch');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO merchants (id, name, secret_key, amount_min, amount_max, amount_presets, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      merchantId,
      m.name,
      m.secret_key,
      money(amounts.min, 'amounts.min'),
      money(amounts.max, 'amounts.max'),
      JSON.stringify(amounts.presets.map((p) => money(p, 'amounts.presets'))),
      now,
    );
    for (const meter of seed.meters ?? []) {
      db.prepare(
        `INSERT INTO meters (id, merchant_id, slug, name, rate_type, tier_type, token_basis, base_cost_payer,
           service_charge_payer, tiers, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'input+output', 'wallet', 'wallet', ?, ?)`,
      ).run(
        meter.id ?? newId('meter'),
        merchantId,
        meter.slug,
        meter.name,
        meter.rate_type ?? 'fixed',
        meter.tier_type ?? 'tokens_1m',
        JSON.stringify(meter.tiers ?? [{ start: '0', rate: '0.00' }]),
        now,
      );
    }
    for (const plan of seed.subscription_configs ?? []) {
      const planId = plan.id ?? newId('subconf');
      db.prepare(
        `INSERT INTO subscription_configs (id, merchant_id, name, period_amount, included_credit, billing_interval,
           rollover_type, bundle_rollover_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        planId,
        merchantId,
        plan.name,
        money(plan.period_amount, `${plan.name}.period_amount`),
        money(plan.included_credit ?? '0.00', `${plan.name}.included_credit`),
        plan.billing_interval ?? 'month',
        plan.rollover_type ?? 'none',
        plan.bundle_rollover_type ?? 'none',
        now,
      );
      for (const meterId of plan.meter_ids ?? []) {
        db.prepare('INSERT INTO subscription_config_meters (subscription_config_id, meter_id) VALUES (?, ?)').run(
          planId,
          meterId,
        );
      }
      for (const bundle of plan.credit_bundles ?? []) {
        db.prepare(
          `INSERT INTO credit_bundles (id, subscription_config_id, name, cost, credit_amount, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(
          bundle.id ?? newId('cb'),
          planId,
          bundle.name,
          money(bundle.cost, `${bundle.name}.cost`),
          money(bundle.credit_amount, `${bundle.name}.credit_amount`),
          now,
        );
      }
    }
    for (const hook of seed.webhook_endpoints ?? []) {
      db.prepare(
        'INSERT INTO webhook_endpoints (id, merchant_id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(newId('we'), merchantId, hook.url, hook.secret ?? generateWebhookSecret(), JSON.stringify(hook.events ?? []), now);
    }
  })();
  return true;
}

/** A value kept across restarts (e.g. the OTP hashing key), created on first use. */
export function persistentSetting(db: Db, key: string, create: () => string): string {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, create());
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value;
}
