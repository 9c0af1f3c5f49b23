import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage, idempotencyKeys, memoryStorage, randomKey } from '../../../src/checkout/flow/idempotency';

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

describe('browser storage for idempotency keys', () => {
  it('given a fresh frame, then sessionStorage is not touched until a key is needed, and then the key lives there', () => {
    sessionStorage.clear();
    const opened = vi.spyOn(window, 'sessionStorage', 'get');
    const keys = idempotencyKeys(browserStorage(), 'cs_lazy');
    expect(opened).not.toHaveBeenCalled();
    const key = keys.intentKey('10.00');
    expect(opened).toHaveBeenCalled();
    expect(sessionStorage.getItem('lava:idem:cs_lazy:intent:10.00')).toBe(key);
    expect(idempotencyKeys(browserStorage(), 'cs_lazy').intentKey('10.00')).toBe(key);
    opened.mockRestore();
  });

  it('given sessionStorage refused (blocked third-party storage), then keys still work, in memory', () => {
    const refused = vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const keys = idempotencyKeys(browserStorage(), 'cs_memory');
    const key = keys.confirmKey('pi_1');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.confirmKey('pi_1')).toBe(key);
    refused.mockRestore();
  });
});
