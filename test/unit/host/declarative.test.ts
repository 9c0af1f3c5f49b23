import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindButtons } from '../../../src/host/declarative';
import { preload } from '../../../src/host/preload';
import { BASE, checkoutIframes, FakeCheckoutFrame, flush, token } from './fake-checkout-frame';

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
  preload(null);
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

describe('declarative buttons warm the checkout on an intent to pay', () => {
  const hover = (target: Element) => target.dispatchEvent(new Event('pointerover', { bubbles: true }));

  it('given data-lava-checkout-preload, when the pointer comes over the button, then a hidden frame loads there and nothing is asked of the endpoint', async () => {
    const fetchMock = answer({ checkout_session_token: token() });
    button.setAttribute('data-lava-checkout-preload', BASE);
    button.append(document.createElement('span'));
    expect(checkoutIframes()).toHaveLength(0);
    hover(button.firstElementChild!);
    expect(checkoutIframes().map((iframe) => iframe.src)).toEqual([`${BASE}embed/checkout`]);
    expect((checkoutIframes()[0]!.parentElement as HTMLElement).inert).toBe(true);
    hover(button);
    expect(checkoutIframes()).toHaveLength(1);
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('given a frame warmed by the hover, when the button is clicked, then the checkout opens in that frame with only the token sent', async () => {
    answer({ checkout_session_token: token() });
    button.setAttribute('data-lava-checkout-preload', BASE);
    hover(button);
    const warm = FakeCheckoutFrame.current();
    warm.hello();
    await flush();
    expect(warm.received).toEqual([]);
    button.click();
    await flush();
    expect(checkoutIframes()).toEqual([warm.iframe]);
    expect(warm.received.map((message) => (message as { type: string }).type)).toEqual(['init']);
    await warm.send({ type: 'ready' });
    await warm.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    expect(events.map((e) => e.type)).toEqual(['lava:success']);
  });

  it('given keyboard focus on the button, then it warms too', () => {
    button.setAttribute('data-lava-checkout-preload', BASE);
    button.focus();
    expect(checkoutIframes()).toHaveLength(1);
  });

  it('given no preload attribute, an empty one or an untrusted base, then a hover warms nothing and leaves the page\'s own preload alone', async () => {
    hover(button);
    expect(checkoutIframes()).toHaveLength(0);
    button.setAttribute('data-lava-checkout-preload', 'https://checkout.attacker.example/');
    hover(button);
    expect(checkoutIframes()).toHaveLength(0);
    preload(BASE);
    const own = checkoutIframes();
    button.setAttribute('data-lava-checkout-preload', '');
    hover(button);
    expect(checkoutIframes()).toEqual(own);
    // The click still opens and reports as ever.
    answer({ checkout_session_token: token() });
    button.click();
    await flush();
    expect(checkoutIframes()).toHaveLength(1);
  });

  it('given the buttons unbound, then a hover warms nothing', () => {
    button.setAttribute('data-lava-checkout-preload', BASE);
    unbind();
    hover(button);
    expect(checkoutIframes()).toHaveLength(0);
    unbind = bindButtons(document);
  });
});
