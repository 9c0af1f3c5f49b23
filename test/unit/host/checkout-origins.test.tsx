import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LavaCheckout, useLavaCheckout, getResult as reactGetResult } from '../../../src/index';
import { getResult, mount, open, preload } from '../../../src/vanilla';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from './fake-checkout-frame';

/**
 * Every entry frames, preloads or asks only checkout origins it trusts: https on lavapayments.com
 * (the host or a subdomain), loopback (the sandbox), and what the merchant lists in
 * `checkoutOrigins`. Anything else ends in invalid_token naming the origin, with no iframe and no
 * request made to it.
 */
const FOREIGN = 'https://checkout.attacker.test';
const foreign = token(`${FOREIGN}/`);
const UNTRUSTED = expect.objectContaining({ code: 'invalid_token', message: expect.stringContaining(`untrusted checkout origin ${FOREIGN}`) });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async () => Response.json({ status: 'open', step: 'phone', checkoutSessionId: 'cs_1' }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(async () => {
  preload(null);
  // Whatever a test left open is cancelled by its app, so nothing leaks into the next test.
  for (const iframe of checkoutIframes()) {
    const app = new FakeCheckoutFrame(iframe);
    app.hello({ origin: new URL(iframe.src).origin });
    await flush();
    await app.send({ type: 'cancel' });
  }
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Nothing was framed or fetched: no iframe, no element made for one, no request. */
function expectNothingRequested(createElement: { mock: { calls: unknown[][] } }): void {
  expect(checkoutIframes()).toHaveLength(0);
  expect(createElement.mock.calls.filter(([tag]) => tag === 'iframe')).toHaveLength(0);
  expect(fetchMock).not.toHaveBeenCalled();
}

describe('vanilla entry', () => {
  it('given a token for another origin, when opened, then onError invalid_token names it and nothing is framed', async () => {
    const createElement = vi.spyOn(document, 'createElement');
    const onError = vi.fn();
    const handle = open(foreign, { onError });
    expect(onError).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(UNTRUSTED);
    await expect(handle.result).resolves.toEqual(UNTRUSTED);
    await expect(handle.ready).resolves.toBe(false);
    expectNothingRequested(createElement);
  });

  it('given a token for another origin, when mounted, then onError invalid_token and the container stays empty', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const createElement = vi.spyOn(document, 'createElement');
    const onError = vi.fn();
    mount(container, foreign, { onError });
    expect(onError).toHaveBeenCalledWith(UNTRUSTED);
    expect(container.children).toHaveLength(0);
    expectNothingRequested(createElement);
    container.remove();
  });

  it('given the origin listed in checkoutOrigins, then open and mount frame it', async () => {
    const handle = open(foreign, { checkoutOrigins: [FOREIGN] });
    expect(checkoutIframes().map((f) => f.src)).toEqual([`${FOREIGN}/embed/checkout`]);
    handle.close();
    const container = document.createElement('div');
    document.body.append(container);
    const inline = mount(container, foreign, { checkoutOrigins: ['https://other.test', FOREIGN] });
    expect(container.querySelector('iframe')?.src).toBe(`${FOREIGN}/embed/checkout`);
    inline.destroy();
    container.remove();
  });

  it('given Lava\'s domain or the sandbox on loopback, then they are framed without listing them', () => {
    for (const base of ['https://lavapayments.com/', 'https://checkout.lavapayments.com/', 'http://127.0.0.1:4242/', 'http://localhost:4242/', 'http://[::1]:4242/']) {
      const handle = open(token(base));
      expect(checkoutIframes().map((f) => f.src)).toEqual([`${base}embed/checkout`]);
      handle.close();
    }
  });

  it('given lookalikes of Lava\'s domain, then each is refused', () => {
    for (const base of ['http://lavapayments.com/', 'https://lavapayments.com.evil.test/', 'https://LAVAPAYMENTS.COM.EVIL.TEST/', 'https://checkout.lavapayments.com./', 'https://evillavapayments.com/']) {
      const onError = vi.fn();
      open(token(base), { onError });
      expect(onError, base).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_token' }));
      expect(checkoutIframes()).toHaveLength(0);
    }
  });

  it('given a base for another origin, when preloaded, then it throws invalid_token before any frame; listed, it warms a frame', () => {
    const createElement = vi.spyOn(document, 'createElement');
    expect(() => preload(`${FOREIGN}/`)).toThrow(expect.objectContaining({ code: 'invalid_token', message: expect.stringContaining(FOREIGN) }));
    expectNothingRequested(createElement);
    preload(`${FOREIGN}/`, { checkoutOrigins: [FOREIGN] });
    expect(checkoutIframes().map((f) => f.src)).toEqual([`${FOREIGN}/embed/checkout`]);
  });

  it('given a token for another origin, then getResult answers invalid_token without a request; listed, it asks that origin', async () => {
    await expect(getResult(foreign)).resolves.toMatchObject({ status: 'error', code: 'invalid_token', message: expect.stringContaining(FOREIGN) });
    expect(fetchMock).not.toHaveBeenCalled();
    await expect(getResult(foreign, { checkoutOrigins: [FOREIGN] })).resolves.toMatchObject({ status: 'open' });
    expect(fetchMock).toHaveBeenCalledWith(`${FOREIGN}/api/checkout/result`, expect.anything());
  });
});

function Hook({ value, checkoutOrigins, onError }: { value: string; checkoutOrigins?: string[]; onError?: () => void }) {
  const checkout = useLavaCheckout({ checkoutOrigins, onError });
  return (
    <>
      <button type="button" onClick={() => checkout.open(value)}>
        Open
      </button>
      <button type="button" onClick={() => checkout.preload(`${FOREIGN}/`)}>
        Preload
      </button>
    </>
  );
}

function Preloader({ onThrow }: { onThrow: (error: unknown) => void }) {
  const checkout = useLavaCheckout();
  try {
    checkout.preload(`${FOREIGN}/`);
  } catch (error) {
    onThrow(error);
  }
  return null;
}

describe('React entry', () => {
  it('given a token for another origin, when the hook opens it, then onError invalid_token and no iframe', async () => {
    const createElement = vi.spyOn(document, 'createElement');
    const onError = vi.fn();
    render(<Hook value={foreign} onError={onError} />);
    await act(async () => fireEvent.click(screen.getByText('Open')));
    expect(onError).toHaveBeenCalledWith(UNTRUSTED);
    expectNothingRequested(createElement);
  });

  it('given the hook lists the origin, then its preload warms it and its open takes that frame', async () => {
    render(<Hook value={foreign} checkoutOrigins={[FOREIGN]} />);
    await act(async () => fireEvent.click(screen.getByText('Preload')));
    const [warm] = checkoutIframes();
    expect(warm?.src).toBe(`${FOREIGN}/embed/checkout`);
    await act(async () => fireEvent.click(screen.getByText('Open')));
    expect(checkoutIframes()).toEqual([warm]);
    expect((warm!.parentElement as HTMLElement).style.opacity).toBe('1');
  });

  it('given the hook lists nothing, then its preload of another origin throws invalid_token', () => {
    const errors: unknown[] = [];
    render(<Preloader onThrow={(error) => errors.push(error)} />);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid_token' })]);
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given <LavaCheckout> with a token for another origin, then onError invalid_token and onOpenChange(false); with checkoutOrigins, it opens', async () => {
    const onError = vi.fn();
    const onOpenChange = vi.fn();
    const view = render(<LavaCheckout token={foreign} open onError={onError} onOpenChange={onOpenChange} />);
    await act(flush);
    expect(onError).toHaveBeenCalledWith(UNTRUSTED);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(checkoutIframes()).toHaveLength(0);
    view.unmount();
    const listed = render(<LavaCheckout token={foreign} open checkoutOrigins={[FOREIGN]} />);
    await act(flush);
    expect(checkoutIframes().map((f) => f.src)).toEqual([`${FOREIGN}/embed/checkout`]);
    listed.unmount();
  });

  it('given a token for another origin, then the React entry\'s getResult makes no request', async () => {
    await expect(reactGetResult(foreign)).resolves.toMatchObject({ code: 'invalid_token' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('script tag', () => {
  it('given window.LavaCheckout, then open, getResult and preload refuse another origin and accept it listed', async () => {
    await import('../../../src/umd');
    const onError = vi.fn();
    window.LavaCheckout.open(foreign, { onError });
    expect(onError).toHaveBeenCalledWith(UNTRUSTED);
    await expect(window.LavaCheckout.getResult(foreign)).resolves.toMatchObject({ code: 'invalid_token' });
    expect(() => window.LavaCheckout.preload(`${FOREIGN}/`)).toThrow(/untrusted checkout origin/);
    expect(fetchMock).not.toHaveBeenCalled();
    const handle = window.LavaCheckout.open(foreign, { checkoutOrigins: [FOREIGN] });
    expect(checkoutIframes()).toHaveLength(1);
    handle.close();
  });

  it('given a declarative button, then it refuses another origin unless data-lava-checkout-origins lists it', async () => {
    // The script-tag entry binds the buttons of the document once, on load.
    await import('../../../src/umd');
    const button = document.createElement('button');
    button.setAttribute('data-lava-checkout-endpoint', '/api/checkout');
    document.body.append(button);
    const errors: CustomEvent[] = [];
    button.addEventListener('lava:error', (event) => errors.push(event as CustomEvent));
    fetchMock.mockImplementation(async () => Response.json({ checkout_session_token: foreign }));
    button.click();
    await flush();
    expect(errors.map((e) => e.detail)).toEqual([UNTRUSTED]);
    expect(checkoutIframes()).toHaveLength(0);
    button.setAttribute('data-lava-checkout-origins', `https://staging.example.test ${FOREIGN}`);
    button.click();
    await flush();
    expect(checkoutIframes().map((f) => f.src)).toEqual([`${FOREIGN}/embed/checkout`]);
    button.remove();
  });
});
