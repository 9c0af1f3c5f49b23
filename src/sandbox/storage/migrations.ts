import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append-only: a released migration never changes; a new version is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'merchants, catalog, sessions, identity',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE merchants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_key TEXT NOT NULL,
        amount_min INTEGER NOT NULL,
        amount_max INTEGER NOT NULL,
        amount_presets TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        events TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE meters (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        rate_type TEXT NOT NULL,
        tier_type TEXT NOT NULL,
        token_basis TEXT NOT NULL,
        base_cost_payer TEXT NOT NULL,
        service_charge_payer TEXT NOT NULL,
        tiers TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (merchant_id, slug)
      );
      CREATE TABLE subscription_configs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        name TEXT NOT NULL,
        period_amount INTEGER NOT NULL,
        included_credit INTEGER NOT NULL,
        billing_interval TEXT NOT NULL,
        rollover_type TEXT NOT NULL,
        bundle_rollover_type TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE subscription_config_meters (
        subscription_config_id TEXT NOT NULL REFERENCES subscription_configs(id),
        meter_id TEXT NOT NULL REFERENCES meters(id),
        PRIMARY KEY (subscription_config_id, meter_id)
      );
      CREATE TABLE credit_bundles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        subscription_config_id TEXT NOT NULL REFERENCES subscription_configs(id),
        name TEXT NOT NULL,
        cost INTEGER NOT NULL,
        credit_amount INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE wallets (
        id TEXT PRIMARY KEY,
        phone TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT NOT NULL,
        autopay_enabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE connections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        wallet_id TEXT NOT NULL REFERENCES wallets(id),
        reference_id TEXT,
        created_at INTEGER NOT NULL,
        deleted_at INTEGER
      );
      CREATE UNIQUE INDEX connections_one_live_per_wallet
        ON connections (merchant_id, wallet_id) WHERE deleted_at IS NULL;
      CREATE TABLE checkout_sessions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        secret TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        mode TEXT NOT NULL,
        origin_url TEXT NOT NULL,
        origin TEXT NOT NULL,
        reference_id TEXT,
        connection_id TEXT REFERENCES connections(id),
        subscription_config_id TEXT REFERENCES subscription_configs(id),
        credit_bundle_id TEXT REFERENCES credit_bundles(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        completed_at INTEGER,
        completed_connection_id TEXT
      );
      CREATE TABLE flow_credentials (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
        verified_phone TEXT,
        connection_id TEXT,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE TABLE otp_codes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
        token_hash TEXT NOT NULL,
        phone TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        consumed_at INTEGER
      );
      CREATE INDEX otp_codes_by_phone ON otp_codes (phone, created_at);
      CREATE INDEX otp_codes_by_session ON otp_codes (session_id, created_at);
      CREATE TABLE subscriptions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        merchant_id TEXT NOT NULL REFERENCES merchants(id),
        connection_id TEXT NOT NULL REFERENCES connections(id),
        wallet_id TEXT NOT NULL REFERENCES wallets(id),
        subscription_config_id TEXT NOT NULL REFERENCES subscription_configs(id),
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        cancelled_at INTEGER,
        cycle_start_at INTEGER NOT NULL,
        cycle_end_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX subscriptions_one_active
        ON subscriptions (wallet_id, subscription_config_id) WHERE status = 'active';
      -- Every money movement is a row; balances are sums, never stored.
      CREATE TABLE ledger (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        wallet_id TEXT NOT NULL REFERENCES wallets(id),
        connection_id TEXT,
        subscription_id TEXT,
        account TEXT NOT NULL CHECK (account IN ('wallet', 'cycle_credit', 'bundle_credit')),
        amount INTEGER NOT NULL,
        reason TEXT NOT NULL,
        charge_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX ledger_by_wallet ON ledger (wallet_id, account);
      CREATE INDEX ledger_by_subscription ON ledger (subscription_id, account);
      CREATE TABLE sms_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        phone TEXT NOT NULL,
        code TEXT NOT NULL,
        sent_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'payments: saved cards, intents, confirm attempts, charges',
    sql: `
      CREATE TABLE payment_methods (
        id TEXT PRIMARY KEY,
        wallet_id TEXT NOT NULL REFERENCES wallets(id),
        brand TEXT NOT NULL,
        last4 TEXT NOT NULL,
        exp_month INTEGER NOT NULL,
        exp_year INTEGER NOT NULL,
        processor TEXT NOT NULL,
        processor_ref TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (wallet_id, processor, processor_ref)
      );
      CREATE TABLE payment_intents (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
        connection_id TEXT NOT NULL REFERENCES connections(id),
        idempotency_key TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        description TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requires_payment_method', 'processing', 'requires_action', 'succeeded')),
        challenge_id TEXT,
        pending TEXT,
        last_error TEXT,
        charge_id TEXT,
        processor_ref TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (session_id, idempotency_key)
      );
      -- A confirm's idempotency key is written here before the processor is called.
      CREATE TABLE confirm_attempts (
        intent_id TEXT NOT NULL REFERENCES payment_intents(id),
        idempotency_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('processing', 'succeeded', 'requires_action', 'failed')),
        response TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (intent_id, idempotency_key)
      );
      CREATE TABLE charges (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        intent_id TEXT NOT NULL UNIQUE REFERENCES payment_intents(id),
        session_id TEXT NOT NULL UNIQUE REFERENCES checkout_sessions(id),
        wallet_id TEXT NOT NULL REFERENCES wallets(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL,
        payment_method_id TEXT,
        brand TEXT NOT NULL,
        last4 TEXT NOT NULL,
        processor TEXT NOT NULL,
        processor_ref TEXT,
        idempotency_key TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- Which intent is talking to the processor right now: one per session at a time.
      ALTER TABLE checkout_sessions ADD COLUMN charging_intent_id TEXT;
    `,
  },
  {
    version: 3,
    name: 'payments: the processor-side intent (Stripe PaymentIntent) and its client secret',
    sql: `
      ALTER TABLE payment_intents ADD COLUMN client_secret TEXT;
    `,
  },
  {
    version: 4,
    name: 'payments: one Stripe PaymentIntent per checkout session, reconciled from confirms and webhooks',
    sql: `
      -- Every tab of a session pays through the session's open PaymentIntent. A new generation
      -- (and Stripe idempotency key) starts only when the old one is given up: another wallet
      -- asks to pay, or Stripe cancelled it. The create parameters are written before Stripe is
      -- called, so a retry after a crash sends the same request under the same key.
      CREATE TABLE stripe_payment_intents (
        session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
        generation INTEGER NOT NULL,
        connection_id TEXT NOT NULL REFERENCES connections(id),
        create_amount INTEGER NOT NULL CHECK (create_amount > 0),
        create_description TEXT NOT NULL,
        payment_intent_id TEXT UNIQUE,
        client_secret TEXT,
        amount INTEGER NOT NULL CHECK (amount > 0),
        status TEXT NOT NULL CHECK (status IN ('open', 'superseded', 'canceled', 'succeeded', 'refunding', 'refunded')),
        refund_id TEXT,
        refund_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, generation)
      );
      CREATE UNIQUE INDEX stripe_payment_intents_one_open ON stripe_payment_intents (session_id) WHERE status = 'open';
    `,
  },
  {
    version: 5,
    name: 'webhooks: the outbox (events, one delivery per endpoint, each attempt)',
    sql: `
      -- Before this migration the outbox created these tables itself on every start, with these
      -- same columns; a database from then has them already, hence IF NOT EXISTS.
      CREATE INDEX IF NOT EXISTS webhook_endpoints_merchant ON webhook_endpoints (merchant_id);
      CREATE TABLE IF NOT EXISTS webhook_events (
        id TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- No key to webhook_endpoints: deleting an endpoint leaves its log, and a pending delivery
      -- to it then fails as "endpoint deleted".
      CREATE TABLE IF NOT EXISTS webhook_deliveries (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES webhook_events (id),
        endpoint_id TEXT NOT NULL,
        url TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_status_code INTEGER,
        last_error TEXT,
        delivered_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (event_id, endpoint_id)
      );
      CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE TABLE IF NOT EXISTS webhook_attempts (
        delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
        attempt INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        status_code INTEGER,
        error TEXT,
        PRIMARY KEY (delivery_id, attempt)
      );
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies every migration newer than the database, each in its own transaction. `migrations` is
 * for tests that build a database as an older release left it.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
