import { describe, expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('the framework-free entry must not load React');
});

describe('framework-free entry', () => {
  it('loads and opens without React', async () => {
    const { open, preload, LavaCheckoutError } = await import('../../../src/vanilla');
    expect(typeof preload).toBe('function');
    const handle = open('not-a-token');
    await expect(handle.result).resolves.toMatchObject({ status: 'error', code: 'invalid_token' });
    expect(new LavaCheckoutError('internal', 'x')).toBeInstanceOf(Error);
  });
});
