import type { RouteSpec } from './routes';
import { HOSTILE_STRINGS, hostileValue, pick, wrongTypeForString } from './values';

export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Credentials {
  restKey: string;
  started: string;
  verified: string;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'admin', 'merchant_id', 'amount', 'status', 'id', '$where', '🙂'];

/** Authorization headers that must not authenticate anyone. */
export function badAuthorization(random: () => number, valid: string): string | undefined {
  return pick(random, [
    undefined,
    '',
    'Bearer',
    'Bearer ',
    `Basic ${Buffer.from(`${valid}:`).toString('base64')}`,
    `Bearer ${valid.toUpperCase()}`,
    `Bearer ${valid.slice(0, -1)}`,
    `Bearer ${valid}x`,
    `Bearer ${valid} ${valid}`,
    `Bearer aks_test_${'0'.repeat(40)}`,
    `Bearer ${'a'.repeat(600)}`,
    'Bearer null',
    "Bearer ' OR 1=1 --",
    `Bearer ${encodeURIComponent('𝕏'.repeat(20))}`,
  ]);
}

/** A JSON body for the route that is invalid on purpose: one required field missing or of a wrong type. */
export function invalidBody(random: () => number, route: RouteSpec): string {
  const body: Record<string, unknown> = {};
  for (const name of [...(route.required ?? []), ...(route.optional ?? [])]) {
    if (random() < 0.8) body[name] = hostileValue(random);
  }
  const required = route.required ?? [];
  if (required.length > 0) {
    const poisoned = pick(random, required);
    if (random() < 0.5) delete body[poisoned];
    else body[poisoned] = wrongTypeForString(random);
  }
  if (random() < 0.4) body[pick(random, EXTRA_KEYS)] = hostileValue(random);
  let text = JSON.stringify(body);
  // JSON.stringify drops a literal __proto__ key; put one in the text as a client could.
  if (random() < 0.2) text = text.replace(/^\{/, '{"__proto__":{"polluted":true},');
  return text;
}

/** Raw bodies that are not a JSON object at all, or too large. */
export function rawBody(random: () => number): string {
  return pick(random, [
    'not json',
    '{"unterminated": ',
    '[]',
    '[{"a":1}]',
    'null',
    '42',
    '"a string"',
    '{"a":'.repeat(2000),
    JSON.stringify({ pad: 'x'.repeat(70 * 1024) }),
    `{"phone":"${'9'.repeat(60_000)}"}`,
    '\u0000\u0001\u0002',
    '{"a":1}{"b":2}',
  ]);
}

/** Not encodable in a URL; it stays in bodies only. */
const LONE_SURROGATE = '\ud800';

export function idLike(random: () => number): string {
  return encodeURIComponent(
    pick(random, [
      ...HOSTILE_STRINGS.filter((s) => s.length > 0 && s.length < 400 && s !== LONE_SURROGATE),
      `cs_${'f'.repeat(24)}`,
      `conn_${'0'.repeat(24)}`,
      'x'.repeat(300),
    ]),
  ).replace(/%2F/gi, pick(random, ['%2F', '/']));
}

/** Query strings a list route must refuse: bad limits and cursors it never issued. */
export function invalidQuery(random: () => number): string {
  const limit = pick(random, ['0', '-1', '101', '1e2', 'abc', '', '10.5', '99999', "1' OR 1=1", '%00']);
  const cursor = pick(random, ['x', Buffer.from('seq:-1').toString('base64url'), Buffer.from('seq:1 OR 1=1').toString('base64url'), 'c2VxOjE=', '../', '%E0%A4%A']);
  const which = random();
  if (which < 0.4) return `?limit=${encodeURIComponent(limit)}`;
  if (which < 0.8) return `?cursor=${encodeURIComponent(cursor)}`;
  return `?limit=${encodeURIComponent(limit)}&cursor=${cursor}`;
}

export function validAuth(route: RouteSpec, creds: Credentials): string | undefined {
  switch (route.auth) {
    case 'rest':
      return `Bearer ${creds.restKey}`;
    case 'flow-started':
      return `Bearer ${creds.started}`;
    case 'flow-verified':
      return `Bearer ${creds.verified}`;
    default:
      return undefined;
  }
}
