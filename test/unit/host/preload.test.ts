import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../../../src/host/open';
import { preload } from '../../../src/host/preload';
import { BASE, checkoutIframes, FakeCheckoutFrame, flush, SECRET, token } from './fake-checkout-frame';

/** A warm frame is there but invisible, takes no pointer and is inert (no focus, no accessibility tree). */
function expectWarm(root: HTMLElement): void {
  expect(root.style.opacity).toBe('0');
  expect(root.style.pointerEvents).toBe('none');
  expect(root.inert).toBe(true);
}

afterEach(() => {
  preload(null);
  vi.restoreAllMocks();
});

describe('preload()', () => {
  it('loads the checkout in a hidden frame and completes the handshake before any token exists', async () => {
    preload(BASE);
    const app = FakeCheckoutFrame.current();
    expect(app.iframe.src).toBe(`${BASE}embed/checkout`);
    expectWarm(app.iframe.parentElement as HTMLElement);
    expect(document.documentElement.style.overflow).toBe('');
    app.hello();
    await flush();
    expect(app.port).not.toBeNull();
    expect(app.received).toEqual([]);
  });

  it('given a warm frame, then open() reuses it and only sends the token', async () => {
    preload(BASE);
    const app = FakeCheckoutFrame.current();
    app.hello();
    await flush();
    const onSuccess = vi.fn();
    const handle = open(token(), { onSuccess });
    expect(checkoutIframes()).toEqual([app.iframe]);
    const shown = app.iframe.parentElement as HTMLElement;
    expect([shown.style.opacity, shown.style.pointerEvents, shown.inert]).toEqual(['1', 'auto', false]);
    await flush();
    expect(app.initMessages).toEqual([expect.objectContaining({ type: 'init', secret: SECRET })]);
    await app.send({ type: 'ready', step: 'phone' });
    await expect(handle.ready).resolves.toBe(true);
    await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('given a warm frame, then open() sends the token before it shows the overlay (the app starts while the page draws)', async () => {
    preload(BASE);
    const app = FakeCheckoutFrame.current();
    app.hello();
    await flush();
    const layer = app.iframe.parentElement as HTMLElement;
    const whenSent: string[] = [];
    const post = MessagePort.prototype.postMessage;
    vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementation(function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
      if ((args[0] as { type?: string }).type === 'init') whenSent.push(layer.style.opacity);
      return post.apply(this, args);
    });
    const handle = open(token());
    expect(whenSent).toEqual(['0']);
    expect(layer.style.opacity).toBe('1');
    handle.close();
    await handle.result;
  });

  it('given a checkout ended, then a fresh hidden frame is warmed for the next one (a used frame is never reused)', async () => {
    preload(BASE);
    const first = FakeCheckoutFrame.current();
    first.hello();
    await flush();
    const handle = open(token());
    await first.send({ type: 'ready', step: 'phone' });
    await first.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(handle.status).toBe('idle');
    const next = checkoutIframes();
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(first.iframe);
    expectWarm(next[0]!.parentElement as HTMLElement);
  });

  it('given a token for another checkout base, then open() makes its own frame and leaves the warm one', () => {
    preload(BASE);
    const warm = checkoutIframes()[0];
    const handle = open(token('https://other.lavapayments.com/'));
    expect(checkoutIframes()).toHaveLength(2);
    expect(checkoutIframes()).toContain(warm);
    handle.close();
  });

  it('preload(null) removes the warm frame', () => {
    preload(BASE);
    preload(null);
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given a bad base, then it throws invalid_token', () => {
    expect(() => preload('javascript:alert(1)')).toThrow(expect.objectContaining({ code: 'invalid_token' }));
    expect(checkoutIframes()).toHaveLength(0);
  });
});
