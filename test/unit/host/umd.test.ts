import { describe, expect, it } from 'vitest';

describe('script-tag entry', () => {
  it('puts open and preload on window.LavaCheckout without React', async () => {
    await import('../../../src/umd');
    expect(typeof window.LavaCheckout.open).toBe('function');
    expect(typeof window.LavaCheckout.preload).toBe('function');
    const handle = window.LavaCheckout.open('garbage');
    await expect(handle.result).resolves.toMatchObject({ status: 'error', code: 'invalid_token' });
  });
});
