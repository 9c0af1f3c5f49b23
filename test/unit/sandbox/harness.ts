import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox/index';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
export type Loose = any;

export const ORIGIN = 'http://localhost:5173';
export const TEST_PHONE = '+12015550100';

export interface Harness {
  sandbox: Sandbox;
  lines: string[];
  clock: { now: number; advance(ms: number): void };
  /** Calls the REST API with the seeded secret key (or `auth`). */
  rest(method: string, path: string, body?: unknown, auth?: string | null): Promise<{ status: number; json: Loose; headers: Headers }>;
  /** Calls the flow API with a flow token. */
  flow(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; json: Loose; headers: Headers }>;
  createSession(body?: Record<string, unknown>): Promise<Loose>;
  /** start -> send code to a test number -> verify: a verified flow token. */
  verify(secret: string, phone?: string): Promise<{ token: string; verify: Loose; start: Loose }>;
  /** A new wallet + connection for `phone` through the flow; returns the connection id. */
  onboard(phone: string, names?: { first_name: string; last_name: string; email: string }): Promise<string>;
}

const started: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (started.length) await started.pop()!();
});

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const lines: string[] = [];
  const clock = {
    now: Date.parse('2026-11-25T12:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const staticDir = mkdtempSync(join(tmpdir(), 'sandbox-static-'));
  const sandbox = await startSandbox({
    port: 0,
    memory: true,
    now: () => clock.now,
    log: (line) => lines.push(line),
    staticDir,
    ...options,
  });
  started.push(async () => {
    await sandbox.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  async function call(url: string, method: string, headers: Record<string, string>, body: unknown) {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Loose = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }

  const h: Harness = {
    sandbox,
    lines,
    clock,
    rest(method, path, body, auth) {
      const key = auth === undefined ? sandbox.secretKey : auth;
      return call(`${sandbox.restUrl}${path}`, method, key === null ? {} : { authorization: `Bearer ${key}` }, body);
    },
    flow(method, path, token, body) {
      return call(`${sandbox.url}/api/flow/${path}`, method, token ? { authorization: `Bearer ${token}` } : {}, body);
    },
    async createSession(body = {}) {
      const res = await h.rest('POST', 'checkout_sessions', { checkout_mode: 'onboarding', origin_url: ORIGIN, ...body });
      if (res.status !== 200) throw new Error(`createSession: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json;
    },
    async verify(secret, phone = TEST_PHONE) {
      const start = await h.flow('POST', 'start', null, { secret, parent_origin: ORIGIN });
      if (start.status !== 200) throw new Error(`start: ${start.status} ${JSON.stringify(start.json)}`);
      const sent = await h.flow('POST', 'phone/send', start.json.flow_token, { phone });
      if (sent.status !== 200) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.json)}`);
      const code = await latestCode(h, phone);
      const verify = await h.flow('POST', 'phone/verify', start.json.flow_token, { code });
      if (verify.status !== 200) throw new Error(`verify: ${verify.status} ${JSON.stringify(verify.json)}`);
      return { token: verify.json.flow_token, verify: verify.json, start: start.json };
    },
    async onboard(phone, names = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' }) {
      const session = await h.createSession();
      const { token } = await h.verify(secretOf(session), phone);
      const res = await h.flow('POST', 'wallet', token, names);
      if (res.status !== 200) throw new Error(`wallet: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.connection_id;
    },
  };
  return h;
}

export async function latestCode(h: Harness, phone: string): Promise<string> {
  const res = await fetch(`${h.sandbox.url}/sandbox/inbox?phone=${encodeURIComponent(phone)}`);
  const inbox = (await res.json()) as Array<{ code: string }>;
  if (!inbox[0]) throw new Error(`no code in the inbox for ${phone}`);
  return inbox[0].code;
}

export function secretOf(session: { checkout_session_token: string }): string {
  return JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString('utf8')).secret;
}

/** Distinct valid test numbers for one test file (+12015550100..199). */
export function testPhone(n: number): string {
  return `+120155501${String(n).padStart(2, '0')}`;
}

/** An active subscription written straight into the database (for REST tests that need one). */
export function insertSubscription(h: Harness, connectionId: string, planId: string): string {
  const db = h.sandbox.db;
  const conn = db.prepare('SELECT * FROM connections WHERE id = ?').get(connectionId) as { wallet_id: string; merchant_id: string };
  const id = `sub_test_${Math.random().toString(16).slice(2, 10)}`;
  const now = h.clock.now;
  db.prepare(
    `INSERT INTO subscriptions (id, merchant_id, connection_id, wallet_id, subscription_config_id, status, started_at,
       cycle_start_at, cycle_end_at, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  ).run(id, conn.merchant_id, connectionId, conn.wallet_id, planId, now, now, now + 30 * 86_400_000, now);
  return id;
}

export const GOOD_CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' };

export function cardOf(number: string) {
  return { ...GOOD_CARD, number };
}

let keySeq = 0;
/** A fresh client idempotency key. */
export function newKey(): string {
  keySeq += 1;
  return `key-${Date.now().toString(36)}-${keySeq}`;
}

/** A verified flow token with its wallet step done, for a new session of `body`. */
export async function readyToPay(h: Harness, phone: string, body: Record<string, unknown> = {}): Promise<{ token: string; session: Loose }> {
  const session = await h.createSession(body);
  const { token, verify } = await h.verify(secretOf(session), phone);
  const res = verify.wallet.exists
    ? await h.flow('POST', 'wallet/link', token, {})
    : await h.flow('POST', 'wallet', token, { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' });
  if (res.status !== 200) throw new Error(`wallet: ${res.status} ${JSON.stringify(res.json)}`);
  return { token, session };
}

/** Number of charges the sandbox processor made. */
export async function chargeCount(h: Harness): Promise<number> {
  const res = await fetch(`${h.sandbox.url}/sandbox/charges`);
  return ((await res.json()) as unknown[]).length;
}
