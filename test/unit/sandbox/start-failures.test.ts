import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type SandboxOptions, startSandbox } from '../../../src/sandbox/index';
import { DB_FILE } from '../../../src/sandbox/storage/db';

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lava-start-'));
  dirs.push(dir);
  return dir;
}

async function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  const { port } = blocker.address() as { port: number };
  return { port, release: () => new Promise((done) => blocker.close(() => done())) };
}

/**
 * SQLite removes a WAL database's `-wal` and `-shm` files when its last connection closes, so
 * their absence after a failed start shows the sandbox closed the database it had opened.
 */
function openConnectionsLeft(dir: string): string[] {
  return readdirSync(dir).filter((name) => name === `${DB_FILE}-wal` || name === `${DB_FILE}-shm`);
}

describe('a sandbox that cannot start', () => {
  test.each<[string, (dir: string) => SandboxOptions, RegExp]>([
    ['a seed file that does not exist', (dir) => ({ seed: join(dir, 'missing.json') }), /Cannot read seed file/],
    ['a seed whose key is not a test key', () => ({ seed: { merchant: { name: 'X', secret_key: 'aks_live_x' } } }), /aks_test_/],
  ])('given %s, then it rejects and closes its database', async (_, extra, reason) => {
    const dir = dataDir();
    await expect(startSandbox({ port: 0, dataDir: dir, ...extra(dir) })).rejects.toThrow(reason);
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
    expect(openConnectionsLeft(dir)).toEqual([]);
  });

  test('given Stripe keys without the webhook secret, then it rejects and closes its database', async () => {
    vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_start_failures');
    vi.stubEnv('STRIPE_PUBLISHABLE_KEY', 'pk_test_start_failures');
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', '');
    const dir = dataDir();
    await expect(startSandbox({ port: 0, dataDir: dir })).rejects.toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(openConnectionsLeft(dir)).toEqual([]);
  });

  test('given a port in use, then it rejects, closes its database, and a later start on the same data works', async () => {
    const dir = dataDir();
    const blocked = await takenPort();
    try {
      await expect(startSandbox({ port: blocked.port, dataDir: dir })).rejects.toThrow(/EADDRINUSE/);
      expect(openConnectionsLeft(dir)).toEqual([]);
    } finally {
      await blocked.release();
    }
    const sandbox = await startSandbox({ port: 0, dataDir: dir, staticDir: dir });
    expect((await fetch(`${sandbox.url}/`)).status).toBe(200);
    await sandbox.close();
    expect(openConnectionsLeft(dir)).toEqual([]);
  });
});
