import { afterEach, describe, expect, it, vi } from 'vitest';
import { idempotencyKeys, memoryStorage, randomKey } from '../../../src/checkout/flow/idempotency';

afterEach(() => vi.unstubAllGlobals());

describe('idempotency keys outside a secure context', () => {
  it('given no crypto.randomUUID (plain http on a LAN address), then keys are still 128 random bits, distinct and reused per charge', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const first = randomKey();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(first);
    const keys = idempotencyKeys(memoryStorage(), 'cs_1');
    expect(keys.confirmKey('pi_1')).toBe(keys.confirmKey('pi_1'));
    expect(keys.confirmKey('pi_2')).not.toBe(keys.confirmKey('pi_1'));
  });
});
