import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, LIB_BUILD, ROOT } from '../../e2e/support/ensure-built';

// React cannot load in this file: anything the script-tag entry pulls from 'react' throws.
vi.mock('react', () => {
  throw new Error('the script-tag entry must not load React');
});

const API_KEYS = ['LavaCheckoutError', 'getResult', 'mount', 'open', 'preload'];

describe('script-tag entry, source', () => {
  it('given React cannot load, then it puts the API on window.LavaCheckout and open reports a bad token', async () => {
    await import('../../../src/umd');
    expect(Object.keys(window.LavaCheckout).sort()).toEqual(API_KEYS);
    const handle = window.LavaCheckout.open('garbage');
    await expect(handle.result).resolves.toMatchObject({ status: 'error', code: 'invalid_token' });
  });
});

describe('script-tag file, built (dist/lava-checkout.umd.js)', () => {
  let code = '';

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  beforeAll(() => {
    ensureBuilt(LIB_BUILD);
    code = readFileSync(join(ROOT, 'dist/lava-checkout.umd.js'), 'utf8');
  }, 300_000);

  /**
   * A fresh page (a frame's window) with one declarative button; `globals` are set on its window
   * before the file runs, as a classic <script> element.
   */
  function page(globals: Record<string, unknown> = {}) {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const window = frame.contentWindow as Window & typeof globalThis;
    window.document.body.innerHTML = '<button data-lava-checkout-endpoint="/api/checkout">Buy</button>';
    Object.assign(window, globals);
    const fetch = vi.fn(async () => {
      throw new Error('offline');
    });
    Object.assign(window, { fetch });
    // The file asks for nothing: a `require` it called would throw, as React is not there.
    const require = vi.fn((name: string) => {
      throw new Error(`no module ${name}`);
    });
    Object.assign(window, { require });
    const run = () => {
      const script = window.document.createElement('script');
      script.textContent = code;
      window.document.head.append(script);
    };
    const api = () => (window as unknown as { LavaCheckout: Record<string, unknown> }).LavaCheckout;
    return { window, run, api, fetch, require };
  }

  /** The declarative button still runs: a click POSTs to its endpoint and the failure comes back as lava:error. */
  async function expectButtonWired(window: Window, fetch: ReturnType<typeof vi.fn>) {
    const button = window.document.querySelector('button')!;
    const failed = new Promise<CustomEvent>((resolve) => button.addEventListener('lava:error', (event: Event) => resolve(event as CustomEvent)));
    button.click();
    expect(fetch).toHaveBeenCalledWith('/api/checkout', expect.objectContaining({ method: 'POST' }));
    expect((await failed).detail).toMatchObject({ code: 'network' });
  }

  it('holds no React and asks no module loader for anything', () => {
    expect(code).not.toMatch(/react\.(transitional\.)?element|__SECRET_INTERNALS|__CLIENT_INTERNALS/);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('given a plain <script>, then it sets window.LavaCheckout and wires the data-lava-* buttons', async () => {
    const { window, run, api, fetch, require } = page();
    run();
    expect(Object.keys(api()).sort()).toEqual(API_KEYS);
    await expectButtonWired(window, fetch);
    expect(require).not.toHaveBeenCalled();
  });

  it('given a CommonJS loader (module, exports), then module.exports is the API, the same object as window.LavaCheckout', async () => {
    const module = { exports: {} as unknown };
    const { window, run, api, fetch, require } = page({ module, exports: module.exports });
    run();
    expect(Object.keys(module.exports as object).sort()).toEqual(API_KEYS);
    expect(module.exports).toBe(api());
    await expectButtonWired(window, fetch);
    expect(require).not.toHaveBeenCalled();
  });

  it('given an AMD loader (define.amd), then the module it defines is the API, the same object as window.LavaCheckout', async () => {
    const define = Object.assign(vi.fn(), { amd: {} });
    const { window, run, api, fetch, require } = page({ define });
    run();
    // Nothing runs until the loader asks for the module, as AMD does.
    expect(api()).toBeUndefined();
    expect(define).toHaveBeenCalledTimes(1);
    const [dependencies, factory] = define.mock.calls[0] as [string[], () => unknown];
    expect(dependencies).toEqual([]);
    const exported = factory();
    expect(Object.keys(exported as object).sort()).toEqual(API_KEYS);
    expect(exported).toBe(api());
    await expectButtonWired(window, fetch);
    expect(require).not.toHaveBeenCalled();
  });

  it('given CommonJS on a server (no window), then module.exports is the API and nothing touches a page', () => {
    const module = { exports: {} as unknown };
    runInNewContext(code, { module, exports: module.exports });
    expect(Object.keys(module.exports as object).sort()).toEqual(API_KEYS);
  });

});

describe('script-tag file under its earlier name, built (dist/lava-checkout.iife.js)', () => {
  it('given a page with an AMD loader, when it loads the earlier file name by a plain <script>, then window.LavaCheckout is set at once and nothing is defined', () => {
    ensureBuilt(LIB_BUILD);
    const old = readFileSync(join(ROOT, 'dist/lava-checkout.iife.js'), 'utf8');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const window = frame.contentWindow as Window & typeof globalThis;
    const define = Object.assign(vi.fn(), { amd: {} });
    Object.assign(window, { define });
    const script = window.document.createElement('script');
    script.textContent = old;
    window.document.head.append(script);
    expect(Object.keys((window as unknown as { LavaCheckout: object }).LavaCheckout).sort()).toEqual(API_KEYS);
    expect(define).not.toHaveBeenCalled();
    frame.remove();
  }, 300_000);
});
