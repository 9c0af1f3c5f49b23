import { describe, expect, it, vi } from 'vitest';
import { isFramed, legacyLink, takeLegacySecret } from '../../../src/checkout/bridge/legacy';

describe('legacy embed path', () => {
  it('given the 0.1.3 URL, then the secret is read and removed from the address at once', () => {
    window.history.replaceState(null, '', '/embed/checkout/sec_abcdefghijklmnop');
    expect(takeLegacySecret(window)).toBe('sec_abcdefghijklmnop');
    expect(window.location.pathname).toBe('/embed/checkout');
    expect(window.location.href).not.toContain('sec_');
  });

  it('given a window that is its own top, then it is not framed; a window with another top is', () => {
    const top = {} as Window;
    const framed = { top } as unknown as Window;
    const alone = { get top() { return alone; } } as unknown as Window;
    expect([isFramed(framed), isFramed(alone), isFramed(window)]).toEqual([true, false, false]);
  });

  it('given the modern URL, then there is no secret and the address stays', () => {
    window.history.replaceState(null, '', '/embed/checkout');
    expect(takeLegacySecret(window)).toBeNull();
    expect(window.location.pathname).toBe('/embed/checkout');
  });

  function fakeWindow(ancestor?: string) {
    const parent = { postMessage: vi.fn() };
    return { win: { parent, location: { ancestorOrigins: ancestor ? [ancestor] : undefined } } as unknown as Window, parent };
  }

  it('given the session origin, then success and cancel go to exactly that origin as 0.1.3 messages', () => {
    const { win, parent } = fakeWindow('http://evil.example');
    const link = legacyLink(win);
    link.setTarget('http://localhost:5173', 'cs_1');
    link.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
    link.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(parent.postMessage.mock.calls).toEqual([
      [{ type: 'lava_checkout_success', checkoutSessionId: 'cs_1', connectionId: 'conn_1' }, 'http://localhost:5173'],
      [{ type: 'lava_checkout_cancel', checkoutSessionId: 'cs_1' }, 'http://localhost:5173'],
    ]);
  });

  it('given a terminal error, then 0.1.3 hears a cancel (it knows no error) so it removes the frame', () => {
    const { win, parent } = fakeWindow();
    const link = legacyLink(win);
    link.setTarget('http://localhost:5173', 'cs_1');
    link.send({ type: 'error', code: 'session_expired', message: 'x' });
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'lava_checkout_cancel', checkoutSessionId: 'cs_1' }, 'http://localhost:5173');
  });

  it('given bridge-only messages, then nothing is posted', () => {
    const { win, parent } = fakeWindow();
    const link = legacyLink(win);
    link.setTarget('http://localhost:5173', 'cs_1');
    link.send({ type: 'ready', step: 'phone' });
    link.send({ type: 'lock' });
    link.send({ type: 'event', event: { type: 'otp_sent' } });
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('given no session yet and no known parent origin, then nothing is posted (never to "*")', () => {
    const { win, parent } = fakeWindow();
    legacyLink(win).send({ type: 'cancel' });
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('given no session yet but the browser names the parent origin, then cancel goes there', () => {
    const { win, parent } = fakeWindow('http://localhost:5173');
    legacyLink(win).send({ type: 'cancel' });
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'lava_checkout_cancel', checkoutSessionId: '' }, 'http://localhost:5173');
  });
});
