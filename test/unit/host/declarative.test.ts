import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindButtons } from '../../../src/host/declarative';
import { FakeCheckoutFrame, flush, token } from './fake-checkout-frame';

let unbind: () => void;
let button: HTMLButtonElement;
const events: CustomEvent[] = [];

beforeEach(() => {
  unbind = bindButtons(document);
  button = document.createElement('button');
  button.setAttribute('data-lava-checkout-endpoint', '/api/checkout');
  document.body.append(button);
  for (const type of ['lava:success', 'lava:cancel', 'lava:error', 'lava:event']) {
    button.addEventListener(type, (event) => events.push(event as CustomEvent));
  }
});

afterEach(async () => {
  unbind();
  button.remove();
  // The app cancels whatever is still open: no state leaks into the next test.
  for (const iframe of document.querySelectorAll('iframe')) {
    const app = new FakeCheckoutFrame(iframe);
    app.hello();
    await flush();
    await app.send({ type: 'cancel' });
  }
  events.length = 0;
  vi.unstubAllGlobals();
});

function answer(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('declarative buttons (script tag)', () => {
  it.each([['checkout_session_token'], ['checkoutSessionToken']])(
    'given the endpoint answers %s, when the button is clicked, then the checkout opens and lava:success is dispatched on it',
    async (key) => {
      const fetchMock = answer({ [key]: token() });
      button.click();
      await flush();
      expect(fetchMock).toHaveBeenCalledWith('/api/checkout', expect.objectContaining({ method: 'POST' }));
      const app = FakeCheckoutFrame.current();
      await app.connectAndReady();
      await app.send({ type: 'event', event: { type: 'otp_sent' } });
      await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
      expect(events.map((e) => [e.type, e.detail])).toEqual([
        ['lava:event', { type: 'otp_sent', attemptId: expect.any(String), seq: 1 }],
        ['lava:success', { status: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1', attemptId: expect.any(String), seq: 2 }],
      ]);
      expect(events[1]?.bubbles).toBe(true);
    },
  );

  it('given the endpoint fails, then lava:error with code network and no iframe', async () => {
    answer({ error: 'nope' }, 500);
    button.click();
    await flush();
    expect(events.map((e) => [e.type, e.detail.code])).toEqual([['lava:error', 'network']]);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('given the endpoint answers without a token, then lava:error invalid_token', async () => {
    answer({ something: 'else' });
    button.click();
    await flush();
    expect(events.map((e) => [e.type, e.detail.code])).toEqual([['lava:error', 'invalid_token']]);
  });

  it('given a double click, then the endpoint is called once', async () => {
    const fetchMock = answer({ checkout_session_token: token() });
    button.click();
    button.click();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks on elements without the attribute', async () => {
    const fetchMock = answer({ checkout_session_token: token() });
    document.body.click();
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
