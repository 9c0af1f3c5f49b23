import { Hono } from 'hono';
import type { SandboxContext } from '../context';
import { type BundleRow, bundleById, type MeterRow, meterById, type PlanRow, planById } from '../domain/catalog';
import { newId } from '../ids';
import { field, readJsonObject } from '../http/body';
import { invalid, notFound } from '../http/errors';
import { moneyField } from '../http/money-field';
import { beforeClause, pageOf, readPage } from '../http/pagination';
import type { RestEnv } from './env';
import { presentBundle, presentMeter, presentPlan } from './present';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const ROLLOVER = ['full', 'none'] as const;
const RATE_TYPES = ['fixed', 'percentage'] as const;
const TIER_TYPES = ['tokens_1m', 'characters_1m', 'minutes', 'requests'] as const;
const TOKEN_BASIS = ['input+output', 'output'] as const;
const PAYERS = ['merchant', 'wallet'] as const;

export function subscriptionConfigRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.get('/', (c) => {
    const page = readPage(c);
    const before = beforeClause(page);
    const rows = ctx.db
      .prepare(`SELECT * FROM subscription_configs WHERE merchant_id = ?${before.sql} ORDER BY seq DESC LIMIT ?`)
      .all(c.get('merchant').id, ...before.params, page.limit + 1) as PlanRow[];
    return c.json(pageOf(rows, page, (row) => presentPlan(ctx.db, row)));
  });

  app.get('/:id', (c) => {
    const plan = planById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!plan) throw notFound('subscription config', c.req.param('id'));
    return c.json(presentPlan(ctx.db, plan));
  });

  app.post('/', async (c) => {
    const merchant = c.get('merchant');
    const body = await readJsonObject(c);
    const name = field.string(body, 'name', { max: 200 });
    const periodAmount = moneyField(body, 'period_amount')!;
    const includedCredit = moneyField(body, 'included_credit', { optional: true }) ?? 0;
    const interval = field.optionalOneOf(body, 'billing_interval', INTERVALS, 'month');
    const rollover = field.optionalOneOf(body, 'rollover_type', ROLLOVER, 'none');
    const bundleRollover = field.optionalOneOf(body, 'bundle_rollover_type', ROLLOVER, 'none');
    // The plan body of Lava's billing-flow guide: "product_ids", a legacy name, holds meter ids; "meter_ids" is accepted too.
    const meterIds = [...field.optionalArray(body, 'product_ids'), ...field.optionalArray(body, 'meter_ids')];
    for (const id of meterIds) {
      if (typeof id !== 'string') throw invalid("'product_ids' must be an array of meter ids.");
      if (!meterById(ctx.db, merchant.id, id)) throw notFound('meter', id);
    }
    const bundles = field.optionalArray(body, 'credit_bundles', 20).map((raw, i) => {
      const b = field.object(raw, `credit_bundles[${i}]`);
      return {
        name: field.string(b, 'name', { max: 200 }),
        cost: moneyField(b, 'cost')!,
        credit: moneyField(b, 'credit_amount')!,
      };
    });
    const now = ctx.now();
    const id = newId('subconf');
    ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO subscription_configs (id, merchant_id, name, period_amount, included_credit, billing_interval,
             rollover_type, bundle_rollover_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, merchant.id, name, periodAmount, includedCredit, interval, rollover, bundleRollover, now);
      for (const meterId of new Set(meterIds as string[])) {
        ctx.db
          .prepare('INSERT INTO subscription_config_meters (subscription_config_id, meter_id) VALUES (?, ?)')
          .run(id, meterId);
      }
      for (const b of bundles) {
        ctx.db
          .prepare(
            'INSERT INTO credit_bundles (id, subscription_config_id, name, cost, credit_amount, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(newId('cb'), id, b.name, b.cost, b.credit, now);
      }
    })();
    return c.json(presentPlan(ctx.db, planById(ctx.db, merchant.id, id)!), 200);
  });

  return app;
}

export function creditBundleRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.get('/', (c) => {
    const page = readPage(c);
    const before = beforeClause(page, 'b.seq');
    const planId = c.req.query('subscription_config_id');
    const rows = ctx.db
      .prepare(
        `SELECT b.* FROM credit_bundles b JOIN subscription_configs p ON p.id = b.subscription_config_id
         WHERE p.merchant_id = ?${planId ? ' AND p.id = ?' : ''}${before.sql} ORDER BY b.seq DESC LIMIT ?`,
      )
      .all(c.get('merchant').id, ...(planId ? [planId] : []), ...before.params, page.limit + 1) as BundleRow[];
    return c.json(pageOf(rows, page, presentBundle));
  });

  app.get('/:id', (c) => {
    const bundle = bundleById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!bundle) throw notFound('credit bundle', c.req.param('id'));
    return c.json(presentBundle(bundle));
  });

  return app;
}

function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'meter';
}

export function meterRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.get('/', (c) => {
    const page = readPage(c);
    const before = beforeClause(page);
    const rows = ctx.db
      .prepare(`SELECT * FROM meters WHERE merchant_id = ?${before.sql} ORDER BY seq DESC LIMIT ?`)
      .all(c.get('merchant').id, ...before.params, page.limit + 1) as MeterRow[];
    return c.json(pageOf(rows, page, presentMeter));
  });

  app.get('/:id', (c) => {
    const meter = meterById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!meter) throw notFound('meter', c.req.param('id'));
    return c.json(presentMeter(meter));
  });

  app.post('/', async (c) => {
    const merchant = c.get('merchant');
    const body = await readJsonObject(c);
    const name = field.string(body, 'name', { max: 200 });
    const rateType = field.oneOf(body, 'rate_type', RATE_TYPES);
    const tierType = field.oneOf(body, 'tier_type', TIER_TYPES);
    const tokenBasis = field.optionalOneOf(body, 'token_basis', TOKEN_BASIS, 'input+output');
    const basePayer = field.optionalOneOf(body, 'base_cost_payer', PAYERS, 'wallet');
    const chargePayer = field.optionalOneOf(body, 'service_charge_payer', PAYERS, 'wallet');
    const rawTiers = field.optionalArray(body, 'tiers', 20);
    if (rawTiers.length === 0) throw invalid("'tiers' must list at least one tier, such as [{ \"start\": \"0\", \"rate\": \"3.00\" }].");
    let previous = -1;
    const tiers = rawTiers.map((raw, i) => {
      const t = field.object(raw, `tiers[${i}]`);
      const start = typeof t.start === 'number' ? String(t.start) : t.start;
      if (typeof start !== 'string' || !/^\d{1,12}$/.test(start)) throw invalid(`'tiers[${i}].start' must be a whole number.`);
      if (typeof t.rate !== 'string' || !/^\d{1,9}(\.\d{1,10})?$/.test(t.rate)) {
        throw invalid(`'tiers[${i}].rate' must be a decimal string such as "3.00".`);
      }
      if (i === 0 && Number(start) !== 0) throw invalid("'tiers[0].start' must be \"0\".");
      if (Number(start) <= previous) throw invalid(`'tiers[${i}].start' must be greater than the previous tier's start.`);
      previous = Number(start);
      return { start, rate: t.rate };
    });
    const base = slugify(name);
    let slug = base;
    for (let n = 2; ctx.db.prepare('SELECT 1 FROM meters WHERE merchant_id = ? AND slug = ?').get(merchant.id, slug); n++) {
      slug = `${base}-${n}`;
    }
    const id = newId('meter');
    ctx.db
      .prepare(
        `INSERT INTO meters (id, merchant_id, slug, name, rate_type, tier_type, token_basis, base_cost_payer,
           service_charge_payer, tiers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, merchant.id, slug, name, rateType, tierType, tokenBasis, basePayer, chargePayer, JSON.stringify(tiers), ctx.now());
    return c.json(presentMeter(meterById(ctx.db, merchant.id, id)!), 200);
  });

  return app;
}
