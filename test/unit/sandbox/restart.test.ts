import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SEED } from '../../../src/sandbox/storage/seed';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI as its own process (node + tsx loader, one pid) and waits for its base URL. */
async function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: join(__dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}: ${out}`));
    });
  });
  return { child, url };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

describe('persistence', () => {
  test('given data written, when the process is killed with SIGKILL and restarted, then the data is still there and the seed is not applied twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lava-sandbox-'));
    dirs.push(dataDir);
    const key = DEFAULT_SEED.merchant.secret_key;
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

    const first = await startCli(dataDir);
    const created = await fetch(`${first.url}/v1/checkout_sessions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: 'http://localhost:5173', reference_id: 'survivor' }),
    }).then((r) => r.json() as Promise<{ checkout_session_id: string; checkout_session_token: string }>);
    const meter = await fetch(`${first.url}/v1/meters`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'Images', rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '0', rate: '0.02' }] }),
    }).then((r) => r.json() as Promise<{ meter_id: string }>);
    await killHard(first.child);

    const second = await startCli(dataDir);
    const session = await fetch(`${second.url}/v1/checkout_sessions/${created.checkout_session_id}`, { headers: auth }).then(
      (r) => r.json() as Promise<{ reference_id: string; checkout_session_token: string }>,
    );
    expect(session.reference_id).toBe('survivor');
    const secret = JSON.parse(Buffer.from(created.checkout_session_token, 'base64').toString()).secret;
    const start = await fetch(`${second.url}/api/flow/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret, parent_origin: 'http://localhost:5173' }),
    });
    expect(start.status).toBe(200);
    const meters = await fetch(`${second.url}/v1/meters`, { headers: auth }).then((r) => r.json() as Promise<{ data: Array<{ meter_id: string }> }>);
    expect(meters.data.map((m) => m.meter_id).sort()).toEqual([meter.meter_id, 'meter_chat_tokens'].sort());
    await killHard(second.child);
  }, 60_000);
});
