import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeCheckout } from '../../../src/testing/index';

// The loader snippet from the README, as a merchant puts it in their own script file.
function loaderSnippet(window: object): void {
  const w = window as { LavaCheckout?: Record<string, unknown> & { q: unknown[] } };
  w.LavaCheckout = w.LavaCheckout || { q: [] };
  const L = w.LavaCheckout;
  for (const m of ['open', 'mount', 'getResult', 'preload']) {
    L[m] =
      L[m] ||
      ((...a: unknown[]) =>
        new Promise((r) => {
          L.q.push([m, a, r]);
        }));
  }
}

afterEach(() => vi.resetModules());

describe('script-tag loader queue', () => {
  it('given calls made before the script loaded, when it loads, then they run in order and their promises get the real answers', async () => {
    const fake = installFakeCheckout({ result: { status: 'success', connectionId: 'conn_q' } });
    try {
      delete (window as { LavaCheckout?: unknown }).LavaCheckout;
      loaderSnippet(window);
      const early = window.LavaCheckout as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const onSuccess = vi.fn();
      const handle = early.open!('t', { onSuccess }) as Promise<{ result: Promise<unknown> }>;
      const asked = early.getResult!('t');
      expect(fake.opened).toHaveLength(0);

      await import('../../../src/umd');
      expect(typeof window.LavaCheckout.open).toBe('function');
      const result = await (await handle).result;
      expect(result).toMatchObject({ status: 'success', connectionId: 'conn_q' });
      expect(onSuccess).toHaveBeenCalledExactlyOnceWith(result);
      await expect(asked).resolves.toMatchObject({ status: 'success', connectionId: 'conn_q' });
      expect(fake.opened).toHaveLength(1);
    } finally {
      fake.uninstall();
    }
  });
});
