import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../../src/sandbox/cli-args';
import { openDatabase } from '../../../src/sandbox/storage/db';
import { LATEST_VERSION, migrate } from '../../../src/sandbox/storage/migrations';
import { applySeed, DEFAULT_SEED } from '../../../src/sandbox/storage/seed';
import { startHarness } from './harness';

describe('migrations', () => {
  test('given a new database, then every version is recorded once and running again applies nothing', () => {
    const db = openDatabase({ memory: true, dataDir: '' });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.at(-1)?.version).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  test('given a file database, then it runs in WAL mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lava-db-'));
    const db = openDatabase({ memory: false, dataDir: dir });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('given a ledger row with an unknown account, then the database refuses it', () => {
    const db = openDatabase({ memory: true, dataDir: '' });
    applySeed(db, DEFAULT_SEED, 0);
    db.prepare("INSERT INTO wallets (id, phone, first_name, last_name, email, created_at) VALUES ('w', '+1', 'a', 'b', 'c', 0)").run();
    expect(() =>
      db.prepare("INSERT INTO ledger (wallet_id, account, amount, reason, created_at) VALUES ('w', 'cash', 1, 'x', 0)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('seed', () => {
  test('given a seed file, then its merchant, key and plans are used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lava-seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({
        merchant: { name: 'Bolt Labs', secret_key: 'aks_test_bolt_0001' },
        subscription_configs: [{ id: 'subconf_basic', name: 'Basic', period_amount: '5.00' }],
      }),
    );
    const h = await startHarness({ seed: file });
    expect(h.sandbox.secretKey).toBe('aks_test_bolt_0001');
    const plans = await h.rest('GET', 'subscription_configs');
    expect(plans.json.data.map((p: { name: string }) => p.name)).toEqual(['Basic']);
    rmSync(dir, { recursive: true, force: true });
  });

  test('given a seed whose key is not a test key, then the sandbox refuses to start', async () => {
    await expect(startHarness({ seed: { merchant: { name: 'X', secret_key: 'aks_live_x' } } })).rejects.toThrow(/aks_test_/);
  });

  test('given a seed with a bad amount, then the error names the field', () => {
    const db = openDatabase({ memory: true, dataDir: '' });
    expect(() =>
      applySeed(db, { merchant: { name: 'X', secret_key: 'aks_test_x' }, subscription_configs: [{ name: 'P', period_amount: '4.999' }] }, 0),
    ).toThrow(/P.period_amount/);
    expect((db.prepare('SELECT COUNT(*) AS n FROM merchants').get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe('command line', () => {
  test('given flags and PORT, then they parse; --port wins over PORT', () => {
    expect(parseArgs([], {}).port).toBe(4242);
    expect(parseArgs([], { PORT: '5000' }).port).toBe(5000);
    const args = parseArgs(
      ['--port', '0', '--data-dir', '/tmp/x', '--seed=s.json', '--memory', '--app-origin', 'http://localhost:5174', '--app-origin=http://localhost:5175'],
      { PORT: '5000' },
    );
    expect(args).toMatchObject({ port: 0, dataDir: '/tmp/x', seed: 's.json', memory: true });
    expect(args.appOrigins).toEqual(['http://localhost:5174', 'http://localhost:5175']);
  });

  test.each([[['--port', 'abc']], [['--port', '70000']], [['--nope']], [['--seed']]])('given %j, then it throws', (argv) => {
    expect(() => parseArgs(argv, {})).toThrow();
  });
});

describe('reset', () => {
  test('given a data dir with data, when started with reset, then the data is gone and the seed is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lava-reset-'));
    const first = await startHarness({ memory: false, dataDir: dir });
    await first.createSession({ reference_id: 'old' });
    await first.sandbox.close();
    const kept = await startHarness({ memory: false, dataDir: dir });
    expect((await kept.rest('GET', 'checkout_sessions')).json.data).toHaveLength(1);
    await kept.sandbox.close();
    const fresh = await startHarness({ memory: false, dataDir: dir, reset: true });
    expect((await fresh.rest('GET', 'checkout_sessions')).json.data).toEqual([]);
    expect((await fresh.rest('GET', 'meters')).json.data).toHaveLength(1);
    await fresh.sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
