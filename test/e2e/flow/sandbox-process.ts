import { type ChildProcess, spawn } from 'node:child_process';
import { decodeToken } from '../../../src/contract/token';
import type { CheckoutMode } from '../../../src/contract/flow-api';

/**
 * The in-memory test sandbox in its own Node process (tsx runs the sandbox's TypeScript and JSON
 * seed as the CLI does), driven over HTTP like a merchant backend would.
 */
export interface SandboxProcess {
  url: string;
  base: string;
  createSession(input: {
    origin: string;
    mode?: CheckoutMode;
    reference_id?: string;
    connection_id?: string;
    subscription_config_id?: string;
    credit_bundle_id?: string;
  }): Promise<{ checkoutSessionId: string; token: string; secret: string }>;
  rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  charges(): Promise<Array<{ charge_id: string; checkout_session_id: string; amount: string; status: string }>>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(timeoutMs = 30_000): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/flow/sandbox-main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  const deadline = Date.now() + timeoutMs;
  let info: { url: string; base: string; restUrl: string; secretKey: string } | null = null;
  while (!info) {
    const line = output.split('\n').find((l) => l.startsWith('{'));
    if (line) info = JSON.parse(line);
    else if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the sandbox did not start:\n${output}`);
    } else await new Promise((done) => setTimeout(done, 50));
  }
  const { url, base, restUrl, secretKey } = info;

  async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${restUrl}${path.replace(/^\//, '')}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    url,
    base,
    rest,
    async createSession({ origin, mode = 'onboarding', ...rest_ }) {
      const raw = await rest<{ checkout_session_id: string; checkout_session_token: string }>('POST', 'checkout_sessions', {
        checkout_mode: mode,
        origin_url: origin,
        ...rest_,
      });
      const token = raw.checkout_session_token;
      return { checkoutSessionId: raw.checkout_session_id, token, secret: decodeToken(token).secret };
    },
    async charges() {
      const res = await fetch(`${url}/sandbox/charges`);
      if (!res.ok) throw new Error(`sandbox charges: ${res.status}`);
      return res.json();
    },
    stop,
  };
}
