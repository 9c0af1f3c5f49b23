import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '../support/test';
import { decodeToken } from '../../../src/contract/token';
import { checkoutFrame, chooseAmount, createWallet, fillCard, merchantLog, payButton, STEP_TIMEOUT, startMerchant, verifyPhone } from '../flow/merchant';
import type { StaticServer } from '../support/static-server';
import { printFamilies, record } from './support';

test.describe.configure({ timeout: 120_000 });

let dataDir: string;
let merchant: StaticServer;
let child: ChildProcess | null = null;

/** A free port for the sandbox to keep across its restart (found by a throwaway listen on 0). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The sandbox CLI (the published bin) on `port` with a file database in `dataDir`; resolves with its secret key. */
async function startCli(port: number): Promise<string> {
  const proc = spawn(process.execPath, [resolve('dist/sandbox/cli.js'), '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  child = proc;
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const key = /Secret key\s+(\S+)/.exec(output)?.[1];
    if (key) return key;
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`the sandbox did not start:\n${output}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function kill9(): Promise<void> {
  const proc = child;
  child = null;
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    proc.once('exit', () => done());
    proc.kill('SIGKILL');
  });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lava-crash-'));
  merchant = await startMerchant();
});
test.afterAll(async () => {
  printFamilies();
  await kill9();
  await merchant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('given the sandbox is SIGKILLed mid-flow and restarted on the same port, then the customer continues to onSuccess with one charge and nothing lost or doubled', async ({ page }) => {
  const port = await freePort();
  const key = await startCli(port);
  const url = `http://127.0.0.1:${port}`;
  const rest = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const session = await rest<{ checkout_session_id: string; checkout_session_token: string }>('POST', 'checkout_sessions', {
    checkout_mode: 'onboarding',
    origin_url: merchant.url,
  });
  expect(decodeToken(session.checkout_session_token).base).toBe(`${url}/`);
  await page.goto(`${merchant.url}/`);
  await page.evaluate((token) => (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.checkout_session_token);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550133');
  await createWallet(frame, 'Kit');
  await chooseAmount(frame, '15.00');
  await fillCard(frame, '4242 4242 4242 4242');

  // Crash on the payment step, then come back on the same port with the same data.
  await kill9();
  await startCli(port);

  await payButton(frame).click();
  await expect(frame.getByRole('heading', { name: 'All set' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect
    .poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'success').length, { timeout: 20_000 })
    .toBe(1);
  const charges = ((await (await fetch(`${url}/sandbox/charges`)).json()) as Array<{ checkout_session_id: string; amount: string }>).filter(
    (c) => c.checkout_session_id === session.checkout_session_id,
  );
  record('crash-restart (SIGKILL mid-flow)', 1, Math.max(0, charges.length - 1), 'double charges');
  expect(charges.map((c) => c.amount)).toEqual(['15.00']);
  const connections = await rest<{ data: Array<{ wallet: { balance: string } }> }>('GET', 'connections');
  expect(connections.data.map((c) => c.wallet.balance)).toEqual(['15.00']);
});
