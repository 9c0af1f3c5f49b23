import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { startSandbox } from '../../../src/sandbox';
import { DB_FILE, type Db, openDatabase } from '../../../src/sandbox/storage/db';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../../src/sandbox/storage/migrations';

/** What the outbox ran on every start, after the migrations, before its tables became migration 5. */
const OUTBOX_TABLES_BEFORE = readFileSync(join(__dirname, 'fixtures/outbox-tables-before-migration-5.sql'), 'utf8');
const KEY = 'aks_test_upgrade_0001';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data directory as a release whose migrations stopped at `version` left it, with one delivery in its outbox. */
function dataDirFromBefore(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'lava-upgrade-'));
  dirs.push(dir);
  const db = new Database(join(dir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  db.exec(OUTBOX_TABLES_BEFORE);
  db.exec(`
    INSERT INTO merchants (id, name, secret_key, amount_min, amount_max, amount_presets, created_at)
      VALUES ('merch_old', 'Old Co', '${KEY}', 500, 100000, '[1000]', 1);
    INSERT INTO webhook_endpoints (id, merchant_id, url, secret, events, created_at)
      VALUES ('we_old', 'merch_old', 'http://127.0.0.1:9/hooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '[]', 2);
    INSERT INTO webhook_events (id, merchant_id, type, payload, created_at)
      VALUES ('evt_old', 'merch_old', 'checkout.completed', '{"id":"evt_old"}', 3);
    INSERT INTO webhook_deliveries (id, event_id, endpoint_id, url, status, attempts, next_attempt_at, last_status_code, last_error, created_at)
      VALUES ('whd_old', 'evt_old', 'we_old', 'http://127.0.0.1:9/hooks', 'pending', 1, 4000000000000, 503, 'HTTP 503', 3);
    INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
      VALUES ('whd_old', 1, 4, 12, 503, 'HTTP 503');
  `);
  db.close();
  return dir;
}

const WEBHOOK_TABLES = ['webhook_endpoints', 'webhook_events', 'webhook_deliveries', 'webhook_attempts'];

function rows(db: Db) {
  return Object.fromEntries(WEBHOOK_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
}

/** Every table and index as SQLite records it (whitespace aside), and each webhook table's foreign keys. */
function schemaOf(db: Db) {
  const objects = (
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{
      sql: string | null;
    }>
  ).map((row) => ({ ...row, sql: row.sql?.replace(/\s+/g, ' ') }));
  const foreignKeys = Object.fromEntries(WEBHOOK_TABLES.map((table) => [table, db.pragma(`foreign_key_list(${table})`)]));
  return { objects, foreignKeys };
}

describe('a database file from an earlier release', () => {
  test.each(MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version))(
    'given a file at migration %i whose outbox made its own tables, when the sandbox opens it, then the data is kept and the schema is what a new database gets',
    (version) => {
      const dir = dataDirFromBefore(version);
      const before = new Database(join(dir, DB_FILE), { readonly: true });
      const kept = rows(before);
      before.close();

      const upgraded = openDatabase({ memory: false, dataDir: dir });
      const fresh = openDatabase({ memory: true, dataDir: '' });
      expect(rows(upgraded)).toEqual(kept);
      expect(kept.webhook_attempts).toHaveLength(1);
      expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
      expect(upgraded.pragma('foreign_key_list(webhook_endpoints)')).toMatchObject([{ table: 'merchants', from: 'merchant_id', to: 'id' }]);
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
      const versions = upgraded.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
      upgraded.close();
      fresh.close();
    },
  );

  test('given a file from before, when the sandbox starts on it, then its endpoints and pending delivery are served', async () => {
    const dir = dataDirFromBefore(LATEST_VERSION - 1);
    const sandbox = await startSandbox({ port: 0, dataDir: dir, staticDir: dir });
    try {
      const auth = { authorization: `Bearer ${KEY}` };
      const endpoints = (await (await fetch(`${sandbox.restUrl}webhooks`, { headers: auth })).json()) as { data: Array<{ webhook_id: string }> };
      expect(endpoints.data.map((e) => e.webhook_id)).toEqual(['we_old']);
      const log = (await (await fetch(`${sandbox.url}/sandbox/webhooks/deliveries`)).json()) as { data: Array<Record<string, unknown>> };
      expect(log.data).toMatchObject([{ delivery_id: 'whd_old', event_id: 'evt_old', status: 'pending' }]);
    } finally {
      await sandbox.close();
    }
  });
});
