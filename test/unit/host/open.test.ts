import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../../../src/host/open';
import type { CheckoutHandle } from '../../../src/host/types';
import { BASE, checkoutIframes, FakeCheckoutFrame, flush, ORIGIN, SECRET, token } from './fake-checkout-frame';

const handles: CheckoutHandle[] = [];
function openCheckout(options: Parameters<typeof open>[1] = {}, value = token()): CheckoutHandle {
  const handle = open(value, options);
  handles.push(handle);
  return handle;
}

afterEach(() => {
  for (const handle of handles.splice(0)) (handle as CheckoutHandle & { destroy(): void }).destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function callbacks() {
  return { onSuccess: vi.fn(), onCancel: vi.fn(), onError: vi.fn(), onEvent: vi.fn() };
}

describe('open(): the overlay iframe', () => {
  it('frames the modern embed URL with no secret in it, and the permissions the flow needs', () => {
    openCheckout();
    const [iframe] = checkoutIframes();
    expect(iframe?.src).toBe(`${BASE}embed/checkout`);
    expect(iframe?.src).not.toContain(SECRET);
    // Set as properties (jsdom does not reflect them as attributes; Chromium does: test/e2e/host/bridge.spec.ts).
    expect(iframe?.allow).toBe('payment; otp-credentials');
    expect(iframe?.referrerPolicy).toBe('strict-origin');
    expect(iframe?.title).toBe('Lava checkout');
  });

  it('shows a labelled modal layer above everything, without injecting a <style> element', () => {
    openCheckout();
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleName('Lava checkout');
    expect(dialog.style.position).toBe('fixed');
    expect(dialog.style.zIndex).toBe('2147483647');
    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(document.querySelector('[role="status"]')).toHaveAccessibleName('Loading checkout');
  });
});

describe('open(): the handshake', () => {
  it('given the hello from its iframe and the checkout origin, then it transfers a port to that exact origin and sends init on it', async () => {
    openCheckout({ appearance: { theme: 'dark' }, locale: 'fr-FR' });
    const app = FakeCheckoutFrame.current();
    app.hello();
    await flush();
    expect(app.connects).toEqual([{ message: { protocol: 'lava-checkout', v: 1, type: 'connect' }, targetOrigin: ORIGIN }]);
    expect(app.initMessages).toEqual([
      { type: 'init', secret: SECRET, attemptId: expect.any(String), embed: 'overlay', appearance: { theme: 'dark' }, confirmClose: true, locale: 'fr-FR' },
    ]);
  });

  it.each([
    ['another origin', { origin: 'https://evil.test' }],
    ['a lookalike origin on another port', { origin: 'https://checkout.lavapayments.com:8443' }],
    ['the null origin of a sandboxed frame', { origin: 'null' }],
    ['the merchant window itself', { source: window }],
    ['a message with no source', { source: null }],
  ])('when a hello comes from %s, then it is ignored', async (_name, forged) => {
    openCheckout();
    const app = FakeCheckoutFrame.current();
    app.hello(forged as { origin?: string; source?: MessageEventSource | null });
    await flush();
    expect(app.connects).toEqual([]);
    expect(app.port).toBeNull();
  });

  it('when a hello comes from a different frame of the checkout origin, then it is ignored', async () => {
    openCheckout();
    const app = FakeCheckoutFrame.current();
    const other = document.createElement('iframe');
    document.body.append(other);
    app.hello({ source: other.contentWindow });
    await flush();
    other.remove();
    expect(app.port).toBeNull();
  });

  it.each([
    ['an old protocol version', { protocol: 'lava-checkout', v: 0, type: 'hello' }],
    ['another protocol', { protocol: 'other', v: 1, type: 'hello' }],
    ['a string', 'hello'],
    ['a 0.1.3 success on window', { type: 'lava_checkout_success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }],
  ])('when the iframe posts %s instead of a hello, then nothing happens', async (_name, data) => {
    const cb = callbacks();
    openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    app.postToHost(data);
    await flush();
    expect(app.port).toBeNull();
    expect(cb.onSuccess).not.toHaveBeenCalled();
  });

  it('when the app reloads and says hello again, then it gets a fresh port and the init again', async () => {
    openCheckout();
    const app = FakeCheckoutFrame.current();
    app.hello();
    await flush();
    const first = app.port;
    app.hello();
    await flush();
    expect(app.port).not.toBe(first);
    expect(app.initMessages).toHaveLength(2);
  });
});

describe('open(): messages from the app', () => {
  it('given ready, then the handle is ready, the loading state goes and focus moves into the iframe', async () => {
    const handle = openCheckout();
    const app = FakeCheckoutFrame.current();
    expect(handle.status).toBe('loading');
    await app.connectAndReady();
    await expect(handle.ready).resolves.toBe(true);
    expect(handle.status).toBe('ready');
    expect(document.querySelector('[role="status"]')).toBeNull();
    expect(document.activeElement).toBe(app.iframe);
  });

  it('forwards events to onEvent', async () => {
    const cb = callbacks();
    openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'event', event: { type: 'step', step: 'code' } });
    expect(cb.onEvent).toHaveBeenCalledWith({ type: 'step', step: 'code', attemptId: expect.any(String), seq: 1 });
  });

  it('given success, then onSuccess fires once with the ids, the result resolves and the overlay is gone', async () => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    await app.send({ type: 'success', connectionId: 'conn_2', checkoutSessionId: 'cs_2' });
    await app.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(cb.onSuccess).toHaveBeenCalledTimes(1);
    expect(cb.onSuccess).toHaveBeenCalledWith(await handle.result);
    expect(cb.onCancel).not.toHaveBeenCalled();
    await expect(handle.result).resolves.toEqual({ status: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1', attemptId: expect.any(String), seq: 1 });
    expect(handle.status).toBe('idle');
    expect(checkoutIframes()).toHaveLength(0);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('given cancel, then onCancel fires with the session id and the overlay is gone', async () => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(cb.onCancel).toHaveBeenCalledExactlyOnceWith({ status: 'cancel', checkoutSessionId: 'cs_1', attemptId: expect.any(String), seq: 1 });
    expect(cb.onCancel).toHaveBeenCalledWith(await handle.result);
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given an error, then onError gets the 0.1.3 fields plus a code', async () => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'error', code: 'session_expired', message: 'This checkout has expired', checkoutSessionId: 'cs_1' });
    expect(cb.onError).toHaveBeenCalledWith({
      status: 'error',
      attemptId: expect.any(String),
      seq: 1,
      code: 'session_expired',
      message: 'This checkout has expired',
      error: 'This checkout has expired',
      checkoutSessionId: 'cs_1',
    });
    await expect(handle.result).resolves.toMatchObject({ status: 'error', code: 'session_expired' });
    expect(checkoutIframes()).toHaveLength(0);
  });

  it.each([
    ['malformed', { type: 'success', connectionId: 42 }],
    ['oversized', { type: 'success', connectionId: 'x'.repeat(100_000), checkoutSessionId: 'cs_1' }],
    ['unknown', { type: 'pwned' }],
    ['an error whose code is not a name', { type: 'error', code: 'Nope!', message: 'x' }],
  ])('ignores %s messages on the port', async (_name, message) => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send(message);
    expect(cb.onSuccess).not.toHaveBeenCalled();
    expect(cb.onError).not.toHaveBeenCalled();
    expect(handle.status).toBe('ready');
  });
});

describe('open(): bad input never fails silently', () => {
  it.each([
    ['not base64', 'not a token'],
    ['JSON without a base', btoa(JSON.stringify({ secret: SECRET }))],
    ['a javascript: base', btoa(JSON.stringify({ secret: SECRET, base: 'javascript:alert(1)//' }))],
  ])('given a token that is %s, then onError invalid_token and the page is untouched', async (_name, value) => {
    const cb = callbacks();
    const handle = openCheckout(cb, value);
    expect(cb.onError).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ code: 'invalid_token', checkoutSessionId: '', error: expect.any(String) }),
    );
    expect(checkoutIframes()).toHaveLength(0);
    expect(document.documentElement.style.overflow).toBe('');
    expect(handle.status).toBe('idle');
    await expect(handle.ready).resolves.toBe(false);
    await expect(handle.result).resolves.toMatchObject({ status: 'error', code: 'invalid_token' });
  });

  it('given a checkout already open, then a second open gets already_open and the first stays', async () => {
    const first = callbacks();
    const second = callbacks();
    openCheckout(first);
    openCheckout(second);
    expect(second.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'already_open' }));
    expect(first.onError).not.toHaveBeenCalled();
    expect(checkoutIframes()).toHaveLength(1);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    expect(first.onSuccess).toHaveBeenCalledTimes(1);
  });

  it('given a checkout that never says hello, then after the timeout onError load_timeout and the page is as it was', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.documentElement.style.overflow = 'auto';
    const cb = callbacks();
    const handle = openCheckout({ ...cb, timeout: 5000 });
    expect(document.documentElement.style.overflow).toBe('hidden');
    vi.advanceTimersByTime(4999);
    expect(cb.onError).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'load_timeout' }));
    expect(checkoutIframes()).toHaveLength(0);
    expect(document.documentElement.style.overflow).toBe('auto');
    expect(handle.status).toBe('idle');
    document.documentElement.style.overflow = '';
  });

  it('given no timeout option, then the documented default of 15 s applies', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cb = callbacks();
    openCheckout(cb);
    vi.advanceTimersByTime(14_999);
    expect(cb.onError).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'load_timeout' }));
  });

  it('given the app became ready, then the load timeout no longer fires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cb = callbacks();
    openCheckout({ ...cb, timeout: 1000 });
    await FakeCheckoutFrame.current().connectAndReady();
    vi.advanceTimersByTime(5000);
    expect(cb.onError).not.toHaveBeenCalled();
  });
});

describe('close()', () => {
  it('given the app is not connected yet, then it closes at once as a cancel', () => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    handle.close();
    handle.close();
    expect(cb.onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: '' }));
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('when Escape is pressed while the checkout is loading, then it closes as a cancel', () => {
    const cb = callbacks();
    openCheckout(cb);
    const layer = checkoutIframes()[0]!.parentElement!;
    expect(document.activeElement).toBe(layer);
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(cb.onCancel).not.toHaveBeenCalled();
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cb.onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: '' }));
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('when Escape is pressed while a connected app is loading, then the app is asked to close', async () => {
    const cb = callbacks();
    openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    app.hello();
    await flush();
    expect(app.initMessages).toHaveLength(1);
    checkoutIframes()[0]!.parentElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(app.received.at(-1)).toEqual({ type: 'close_request' });
  });

  it('given a connected app, then it asks the app, which answers cancel', async () => {
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    handle.close();
    await flush();
    expect(app.received.at(-1)).toEqual({ type: 'close_request' });
    expect(cb.onCancel).not.toHaveBeenCalled();
    await app.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(cb.onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: 'cs_1' }));
  });

  it('given the app does not answer close_request, then it closes anyway after a grace period', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cb = callbacks();
    const handle = openCheckout(cb);
    await FakeCheckoutFrame.current().connectAndReady();
    handle.close();
    vi.advanceTimersByTime(1500);
    expect(cb.onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: '' }));
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given a payment in flight (lock), then close waits for unlock and only then asks the app', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'lock' });
    expect(handle.status).toBe('processing');
    handle.close();
    vi.advanceTimersByTime(60_000);
    await flush();
    expect(cb.onCancel).not.toHaveBeenCalled();
    expect(checkoutIframes()).toHaveLength(1);
    expect(app.received.some((m) => m.type === 'close_request')).toBe(false);
    await app.send({ type: 'unlock' });
    await flush();
    expect(app.received.at(-1)).toEqual({ type: 'close_request' });
  });

  it('given the app answers close_request with lock (it is paying), then nothing closes until it finishes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cb = callbacks();
    const handle = openCheckout(cb);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    handle.close();
    await app.send({ type: 'lock' });
    vi.advanceTimersByTime(60_000);
    expect(checkoutIframes()).toHaveLength(1);
    await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    expect(cb.onSuccess).toHaveBeenCalledTimes(1);
    expect(cb.onCancel).not.toHaveBeenCalled();
  });
});

describe('page state', () => {
  it('locks scroll on <html> and restores exactly what was there, nesting with a lock the merchant put on <body>', async () => {
    document.documentElement.style.overflow = 'scroll';
    document.body.style.overflow = 'hidden';
    const handle = openCheckout();
    expect(document.documentElement.style.overflow).toBe('hidden');
    handle.close();
    expect(document.documentElement.style.overflow).toBe('scroll');
    expect(document.body.style.overflow).toBe('hidden');
    document.documentElement.style.overflow = '';
    document.body.style.overflow = '';
  });

  it('returns focus to the element that had it', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const handle = openCheckout();
    const app = FakeCheckoutFrame.current();
    expect(document.activeElement).not.toBe(button);
    await app.connectAndReady();
    await app.send({ type: 'cancel' });
    expect(handle.status).toBe('idle');
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it('keeps the tab order inside the checkout: focus reaching either edge of the layer goes back into the iframe', async () => {
    openCheckout();
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    const edges = Array.from(document.querySelectorAll('[role="dialog"] > span')) as HTMLElement[];
    expect(edges.map((edge) => edge.tabIndex)).toEqual([0, 0]);
    for (const edge of edges) {
      document.body.focus();
      edge.focus();
      expect(document.activeElement).toBe(app.iframe);
    }
  });

  it('given a finished checkout, then a new open works and leaves no listener behind', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    for (let i = 0; i < 3; i++) {
      const handle = openCheckout();
      const app = FakeCheckoutFrame.current();
      await app.connectAndReady();
      await app.send({ type: 'success', connectionId: `conn_${i}`, checkoutSessionId: `cs_${i}` });
      await expect(handle.result).resolves.toMatchObject({ connectionId: `conn_${i}` });
    }
    const messageListeners = (spy: typeof add) => spy.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn);
    expect(messageListeners(add)).toHaveLength(3);
    expect(messageListeners(remove)).toEqual(messageListeners(add));
    expect(checkoutIframes()).toHaveLength(0);
  });
});
