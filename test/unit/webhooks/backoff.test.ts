import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../src/sandbox/webhooks';

describe('retryDelay', () => {
  it('doubles with each retry: half fixed, half random', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, 1000, 60_000, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => retryDelay(n, 1000, 60_000, () => 0.999999))).toEqual([1000, 2000, 4000]);
  });

  it('never exceeds the cap', () => {
    expect(retryDelay(30, 1000, 60_000, () => 0.999999)).toBe(60_000);
  });
});
