/** A small seeded generator (mulberry32), so a failing fuzz run can be replayed by its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Strings an attacker or a broken client sends: SQL and script fragments, unicode, control characters. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE wallets; --",
  '" UNION SELECT secret_key FROM merchants --',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '{{7*7}}',
  `\${process.exit(1)}`,
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u0041\u0042',
  '𝕏𝕐ℤ',
  '🙂'.repeat(50),
  'é\u0301',
  '\ud800',
  '\r\nSet-Cookie: x=1',
  'null',
  'undefined',
  'NaN',
  '-1',
  '-0.01',
  '0',
  '1e308',
  '99999999999999999999.99',
  '1.001',
  '0x10',
  '+12015550100\u0000',
  'cs_00000000000000000000',
  'conn_does_not_exist',
  'http://evil.example',
  'x'.repeat(5000),
];

/** Values of every JSON type, including the ones no field expects. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0.01,
  1e308,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2.5,
  [],
  [1, 2, 3],
  ['a'],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  [{ start: -1, rate: 'x' }],
];

export function hostileValue(random: () => number): unknown {
  return random() < 0.55 ? pick(random, HOSTILE_STRINGS) : pick(random, HOSTILE_VALUES);
}

/** A value of the wrong type for a string field (the "poison" that makes a body invalid). */
export function wrongTypeForString(random: () => number): unknown {
  return pick(random, HOSTILE_VALUES);
}
