import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build';
import { percentile } from './stats';

export interface ThroughputOptions {
  clients: number;
  /** Stop after this many measured checkouts … */
  maxCheckouts: number;
  /** … or after this many seconds, whichever comes first. */
  maxSeconds: number;
  /** Checkouts run (and thrown away) before measuring. */
  warmup: number;
}

export interface RouteLatency {
  route: string;
  calls: number;
  p50: number;
  p99: number;
}

export interface ThroughputResult {
  clients: number;
  checkouts: number;
  failed: number;
  seconds: number;
  checkoutsPerSecond: number;
  routes: RouteLatency[];
  /**
   * Sandbox process CPU time per complete checkout (ms): independent of how busy the machine is.
   * 1000 / this is what one free core would sustain.
   */
  serverCpuMsPerCheckout: number;
  firstError?: string;
}

interface Running {
  pid: number;
  url: string;
  restUrl: string;
  secretKey: string;
  stop(): Promise<void>;
}

/** The built sandbox in its own Node process, so clients and server do not share an event loop. */
async function startSandboxProcess(): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SANDBOX_NODE_ARGS?.split(' ').filter(Boolean) ?? []), process.env.BENCH_SANDBOX_SCRIPT ?? join(ROOT, 'bench', 'sandbox-process.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the sandbox process did not start in 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.slice(0, out.indexOf('\n')));
      }
    });
    child.once('exit', () => reject(new Error('the sandbox process exited')));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { ...(JSON.parse(line) as Omit<Running, 'stop' | 'pid'>), pid: child.pid!, stop };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat: 12th and 13th after the command name, in clock ticks (100 Hz).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const MERCHANT_ORIGIN = 'http://localhost:3000';

/**
 * One complete API-driven checkout, as the hosted app and a merchant backend make it:
 * REST create session -> flow start -> phone send -> verify -> wallet (create or link)
 * -> payment intent -> confirm (4242…). `record` gets each route's latency.
 */
async function checkout(sandbox: Running, n: number, record: (route: string, ms: number) => void): Promise<void> {
  async function call<T>(route: string, url: string, init: { body?: unknown; bearer?: string; origin?: string }): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    // The flow API answers only its own app: send the sandbox's origin, as the hosted page does.
    if (init.origin) headers.origin = init.origin;
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(init.body ?? {}) });
    const json = (await res.json()) as T;
    record(route, performance.now() - started);
    if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  const flow = <T>(route: string, token: string | undefined, body: unknown) =>
    call<T>(route, `${sandbox.url}/api/flow/${route}`, { body, ...(token && { bearer: token }), origin: sandbox.url });

  const session = await call<{ checkout_session_token: string }>('POST /v1/checkout_sessions', `${sandbox.restUrl}checkout_sessions`, {
    bearer: sandbox.secretKey,
    body: { checkout_mode: 'onboarding', origin_url: MERCHANT_ORIGIN },
  });
  const { secret } = JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString('utf8')) as { secret: string };
  const start = await flow<{ flow_token: string; amounts: { presets: string[]; min: string } }>('start', undefined, {
    secret,
    parent_origin: MERCHANT_ORIGIN,
  });
  const phone = `+120155501${String(n % 100).padStart(2, '0')}`;
  await flow('phone/send', start.flow_token, { phone });
  const verified = await flow<{ flow_token: string; wallet: { exists: boolean } }>('phone/verify', start.flow_token, { code: '000000' });
  const token = verified.flow_token;
  if (verified.wallet.exists) await flow('wallet/link', token, {});
  else await flow('wallet', token, { first_name: 'Bench', last_name: 'Mark', email: `bench${n % 100}@example.com` });
  const intent = await flow<{ intent_id: string }>('payment/intent', token, {
    amount: start.amounts.presets[0] ?? start.amounts.min,
    idempotency_key: randomUUID(),
  });
  const confirmed = await flow<{ status: string }>('payment/confirm', token, {
    intent_id: intent.intent_id,
    idempotency_key: randomUUID(),
    card: { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 3, cvc: '123' },
  });
  if (confirmed.status !== 'succeeded') throw new Error(`payment/confirm: ${JSON.stringify(confirmed)}`);
}

/** `clients` loops run checkouts back to back until the count or the time bound is reached. */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const sandbox = await startSandboxProcess();
  try {
    let next = 0;
    const ignore = () => {};
    // Warm-up: distinct test numbers, so the measured run mixes wallet creation and linking as it comes.
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (next < options.warmup) await checkout(sandbox, next++, ignore);
      }),
    );
    const latencies = new Map<string, number[]>();
    const record = (route: string, ms: number) => {
      const list = latencies.get(route) ?? [];
      list.push(ms);
      latencies.set(route, list);
    };
    let done = 0;
    let failed = 0;
    let firstError: string | undefined;
    const cpuBefore = cpuMs(sandbox.pid);
    const started = performance.now();
    const deadline = started + options.maxSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (done + failed < options.maxCheckouts && performance.now() < deadline) {
          try {
            await checkout(sandbox, next++, record);
            done++;
          } catch (error) {
            failed++;
            firstError ??= (error as Error).message;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuMs(sandbox.pid) - cpuBefore;
    return {
      clients: options.clients,
      checkouts: done,
      failed,
      seconds: Math.round(seconds * 100) / 100,
      checkoutsPerSecond: Math.round((done / seconds) * 10) / 10,
      serverCpuMsPerCheckout: Math.round((serverCpu / Math.max(1, done)) * 10) / 10,
      routes: [...latencies].map(([route, list]) => ({ route, calls: list.length, p50: percentile(list, 0.5), p99: percentile(list, 0.99) })),
      ...(firstError && { firstError }),
    };
  } finally {
    await sandbox.stop();
  }
}
