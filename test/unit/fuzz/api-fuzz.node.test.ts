import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';
import { type Credentials, type FuzzRequest, badAuthorization, idLike, invalidBody, invalidQuery, rawBody, validAuth } from './requests';
import { ROUTES, type RouteSpec } from './routes';
import { snapshotTables } from './snapshot';
import { pick, rng } from './values';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const PER_ROUTE = 36;
const MERCHANT_ORIGIN = 'http://localhost:5173';
const FOREIGN_ORIGINS = ['http://evil.example', 'null', 'http://127.0.0.1.evil.example', 'https://127.0.0.1'];

let sandbox: Sandbox;
let creds: Credentials;
const lines: string[] = [];

async function json(path: string, init: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.url}${path}`, init);
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A started flow token (no code sent) and a verified one that already owns a connection. */
async function credentials(): Promise<Credentials> {
  const rest = { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' };
  const session = () => json('/v1/checkout_sessions', { method: 'POST', headers: rest, body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: MERCHANT_ORIGIN }) });
  const secretOf = (s: Record<string, unknown>) => JSON.parse(Buffer.from(String(s.checkout_session_token), 'base64').toString()).secret as string;
  const start = async () => {
    const started = await json('/api/flow/start', { method: 'POST', body: JSON.stringify({ secret: secretOf(await session()), parent_origin: MERCHANT_ORIGIN }) });
    return String(started.flow_token);
  };
  const flow = (token: string, path: string, body: unknown) =>
    json(`/api/flow/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const buyer = await start();
  await flow(buyer, 'phone/send', { phone: '+12015550177' });
  const verified = String((await flow(buyer, 'phone/verify', { code: TEST_CODE })).flow_token);
  await flow(verified, 'wallet', { first_name: 'Fuzz', last_name: 'Target', email: 'fuzz@example.com' });
  return { restKey: sandbox.secretKey, started: await start(), verified };
}

function requestsFor(route: RouteSpec, random: () => number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const valid = validAuth(route, creds);
  const hasInput = Boolean(route.required?.length || route.query?.length || route.path.includes(':id') || route.alwaysRefused);
  for (let i = 0; i < PER_ROUTE; i++) {
    const headers: Record<string, string> = {};
    let kind: string;
    const roll = random();
    if (route.auth !== 'flow-none' && (roll < 0.3 || !hasInput)) {
      kind = 'bad-credential';
      const auth = badAuthorization(random, route.auth === 'rest' ? creds.restKey : creds.started);
      if (auth !== undefined) headers.authorization = auth;
    } else if (route.path.startsWith('/api/flow') && roll < 0.4) {
      kind = 'foreign-origin';
      headers.origin = pick(random, FOREIGN_ORIGINS);
      if (valid) headers.authorization = valid;
    } else {
      kind = 'bad-input';
      if (valid) headers.authorization = valid;
    }
    let path = route.path.replace(':id', () => idLike(random));
    if (route.query && kind === 'bad-input' && !route.path.includes(':id')) path += invalidQuery(random);
    let body: string | undefined;
    if (route.method === 'POST') {
      body = random() < 0.8 ? invalidBody(random, route) : rawBody(random);
      headers['content-type'] = pick(random, ['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16']);
    }
    if (random() < 0.1) headers['x-forwarded-for'] = "127.0.0.1' OR 1=1";
    if (random() < 0.1) headers['accept-language'] = 'é\u00ff'.repeat(300);
    out.push({ label: `${kind} ${route.method} ${route.path}`, method: route.method, path, headers, body });
  }
  return out;
}

/** Paths that match no route, or match one with garbage in it. */
function strayPaths(random: () => number, count: number): FuzzRequest[] {
  const prefixes = ['/v1/', '/api/flow/', '/v1/checkout_sessions/', '/api/flow/phone/', '/api/', '/v2/', '/sandbox/nope/'];
  const tails = ['..%2f..%2fetc%2fpasswd', '%ZZ', '%E0%A4%A', '🙂', "';--", '<svg onload=alert(1)>', 'a'.repeat(3000), '\u202e', 'x/y/z/w', '%00'];
  return Array.from({ length: count }, (_, i) => {
    const method = pick(random, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    const headers: Record<string, string> = random() < 0.5 ? { authorization: `Bearer ${creds.restKey}` } : {};
    return {
      label: `stray-path ${method}`,
      method,
      path: `${pick(random, prefixes)}${encodeURI(pick(random, tails)).replace(/%25/g, '%')}${i % 3 === 0 ? '?q=%E0%A4%A' : ''}`,
      headers,
      body: method === 'GET' ? undefined : rawBody(random),
    };
  });
}

interface Outcome {
  request: FuzzRequest;
  status: number;
  problem: string | null;
}

async function send(request: FuzzRequest): Promise<Outcome> {
  let status = 0;
  try {
    const res = await fetch(`${sandbox.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
    status = res.status;
    const text = await res.text();
    if (status >= 500) return { request, status, problem: `5xx: ${text.slice(0, 200)}` };
    if (status < 400) return { request, status, problem: `accepted: ${text.slice(0, 200)}` };
    let parsed: { error?: { code?: unknown; message?: unknown } } | null = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const shaped = typeof parsed?.error?.code === 'string' && typeof parsed.error.message === 'string';
    return { request, status, problem: shaped ? null : `not the error shape: ${text.slice(0, 200)}` };
  } catch (err) {
    return { request, status: 0, problem: `no answer: ${String(err)} (${String((err as { cause?: unknown }).cause)})` };
  }
}

async function runAll(requests: FuzzRequest[], concurrency = 8): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        outcomes.push(await send(request));
      }
    }),
  );
  return outcomes;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true, log: (line) => lines.push(line) });
  creds = await credentials();
});

afterAll(async () => {
  await sandbox?.close();
});

describe('API fuzzing', () => {
  test('given >= 1,000 generated bad bodies, headers and paths on every route, then every answer is a 4xx error body, nothing is accepted, the server stays up and the database is unchanged', async () => {
    const random = rng(SEED);
    const requests = [...ROUTES.flatMap((route) => requestsFor(route, random)), ...strayPaths(random, 120)];
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const before = snapshotTables(sandbox.db);

    const outcomes = await runAll(requests);

    const accepted = outcomes.filter((o) => o.problem?.startsWith('accepted'));
    const serverErrors = outcomes.filter((o) => o.status >= 500);
    // No answer at all ("fetch failed": a reset or closed connection) is a failure of its own.
    const networkErrors = outcomes.filter((o) => o.status === 0);
    const failed = outcomes.filter((o) => o.problem !== null);
    console.log(
      `[attacks] api-fuzz: ${outcomes.length} attempts (seed ${SEED}), ${accepted.length} accepted, ${serverErrors.length} 5xx, ${networkErrors.length} network errors, ${failed.length} failed`,
    );
    expect(networkErrors.map((o) => `${o.request.label} ${o.request.path.slice(0, 120)}: ${o.problem}`)).toEqual([]);
    const health = await fetch(`${sandbox.url}/`);
    expect(health.status).toBe(200);
    expect(
      failed.slice(0, 40).map((o) => `${o.request.label} ${o.request.path.slice(0, 120)} -> ${o.status} ${o.problem}`),
    ).toEqual([]);
    expect(snapshotTables(sandbox.db)).toEqual(before);
    expect(lines.filter((l) => l.startsWith('internal error'))).toEqual([]);
  }, 120_000);
});
