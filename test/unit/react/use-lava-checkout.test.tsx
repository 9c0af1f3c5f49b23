import { act, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type UseLavaCheckoutOptions, useLavaCheckout } from '../../../src/index';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from '../host/fake-checkout-frame';
import { PricingPage } from './pricing-page-0.1.3';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function Checkout(props: UseLavaCheckoutOptions & { value?: string }) {
  const { open, close, status, isOpen } = useLavaCheckout(props);
  return (
    <>
      <button type="button" onClick={() => open(props.value ?? token())}>
        Subscribe
      </button>
      <button type="button" onClick={close}>
        Close
      </button>
      <output data-testid="status">{`${status}/${isOpen}`}</output>
    </>
  );
}

const status = () => screen.getByTestId('status').textContent;

/** Re-renders with a new inline handler on every click of Bump. */
function Counter({ onSuccess }: { onSuccess: (count: number) => void }) {
  const [count, setCount] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setCount((c) => c + 1)}>
        Bump
      </button>
      <Checkout onSuccess={() => onSuccess(count)} />
    </>
  );
}

describe('useLavaCheckout', () => {
  it("given a pricing page written for 0.1.3, unchanged, then the click opens the checkout and onSuccess saves the connection", async () => {
    const fetchMock = vi.fn(async (url: string) =>
      Response.json(url === '/api/checkout/create-session' ? { checkoutSessionToken: token() } : { ok: true }),
    );
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom: navigation not implemented
    render(<PricingPage userId="user_1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe Now' }));
    await act(flush);
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    await act(() => app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/save-connection', expect.objectContaining({ body: JSON.stringify({ userId: 'user_1', connectionId: 'conn_1' }) }));
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given StrictMode, when opened, then exactly one iframe exists and success fires once', async () => {
    const onSuccess = vi.fn();
    render(
      <StrictMode>
        <Checkout onSuccess={onSuccess} />
      </StrictMode>,
    );
    const createElement = vi.spyOn(document, 'createElement');
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(checkoutIframes()).toHaveLength(1);
    expect(createElement.mock.calls.filter(([tag]) => tag === 'iframe')).toHaveLength(1);
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    await act(() => app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }));
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('reports status and isOpen through the lifecycle', async () => {
    render(<Checkout />);
    expect(status()).toBe('idle/false');
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(status()).toBe('loading/true');
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    expect(status()).toBe('ready/true');
    await act(() => app.send({ type: 'lock' }));
    expect(status()).toBe('processing/true');
    await act(() => app.send({ type: 'cancel', checkoutSessionId: 'cs_1' }));
    expect(status()).toBe('idle/false');
  });

  it('given inline handlers that change on every render, then the iframe is kept and the latest handler runs', async () => {
    const calls: number[] = [];
    render(<Counter onSuccess={(count) => calls.push(count)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    const iframe = checkoutIframes()[0];
    fireEvent.click(screen.getByRole('button', { name: 'Bump' }));
    fireEvent.click(screen.getByRole('button', { name: 'Bump' }));
    expect(checkoutIframes()).toEqual([iframe]);
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    await act(() => app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }));
    expect(calls).toEqual([2]);
  });

  it('given an unmount while open, then the overlay, scroll lock and listeners are torn down without callbacks', async () => {
    const onCancel = vi.fn();
    const removeListener = vi.spyOn(window, 'removeEventListener');
    const { unmount } = render(<Checkout onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(document.documentElement.style.overflow).toBe('hidden');
    unmount();
    await act(flush);
    expect(checkoutIframes()).toHaveLength(0);
    expect(document.documentElement.style.overflow).toBe('');
    expect(removeListener).toHaveBeenCalledWith('message', expect.any(Function));
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('close() asks the open checkout to close', async () => {
    render(<Checkout />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await act(flush);
    expect(app.received.at(-1)).toEqual({ type: 'close_request' });
    await act(() => app.send({ type: 'cancel' }));
    expect(status()).toBe('idle/false');
  });

  it('given a bad token, then onError gets invalid_token and status stays idle', () => {
    const onError = vi.fn();
    render(<Checkout onError={onError} value="not-a-token" />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_token' }));
    expect(status()).toBe('idle/false');
  });
});
