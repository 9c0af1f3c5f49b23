import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeEqual } from '../../../src/webhooks/safe-equal';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const compared = vi.mocked(crypto.timingSafeEqual);
afterEach(() => compared.mockClear());

describe('safeEqual', () => {
  it.each([
    ['equal strings', 'whsec_abc', 'whsec_abc', true],
    ['two empty strings', '', '', true],
    ['equal non-ASCII strings', 'clé-𝕏', 'clé-𝕏', true],
    ['same length, one character apart', 'aks_test_a', 'aks_test_b', false],
    ['a prefix of the other', 'aks_test_', 'aks_test_sandbox', false],
    ['one empty', '', 'x', false],
  ])('given %s, then it answers %s', (_, a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
    expect(safeEqual(b, a)).toBe(expected);
  });

  it('given strings of different lengths, then they are still compared in full, as equal-length digests', () => {
    expect(safeEqual('short', 'a much longer secret value')).toBe(false);
    expect(compared).toHaveBeenCalledTimes(1);
    const [left, right] = compared.mock.calls[0]!;
    expect([left.byteLength, right.byteLength]).toEqual([32, 32]);
  });
});
