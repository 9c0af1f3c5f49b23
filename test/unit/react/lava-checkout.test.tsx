import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LavaCheckout, type LavaCheckoutProps } from '../../../src/index';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from '../host/fake-checkout-frame';

function setup(props: Partial<LavaCheckoutProps> = {}, strict = false) {
  const handlers = { onSuccess: vi.fn(), onCancel: vi.fn(), onError: vi.fn(), onOpenChange: vi.fn() };
  const ui = (next: Partial<LavaCheckoutProps>) => {
    const element = <LavaCheckout token={token()} open={false} {...handlers} {...props} {...next} />;
    return strict ? <StrictMode>{element}</StrictMode> : element;
  };
  const view = render(ui({}));
  return { handlers, rerender: (next: Partial<LavaCheckoutProps>) => view.rerender(ui(next)), unmount: view.unmount };
}

describe('<LavaCheckout> (controlled)', () => {
  it('given open with a token under StrictMode, then exactly one iframe is ever created and nothing is reported', async () => {
    const createElement = vi.spyOn(document, 'createElement');
    const { handlers, unmount } = setup({ open: true }, true);
    await act(flush);
    expect(checkoutIframes()).toHaveLength(1);
    expect(createElement.mock.calls.filter(([tag]) => tag === 'iframe')).toHaveLength(1);
    expect(handlers.onCancel).not.toHaveBeenCalled();
    expect(handlers.onOpenChange).not.toHaveBeenCalled();
    createElement.mockRestore();
    unmount();
    await act(flush);
    expect(checkoutIframes()).toHaveLength(0);
  });

  it('given open and no token, then nothing opens', () => {
    const { unmount } = setup({ open: true, token: null });
    expect(checkoutIframes()).toHaveLength(0);
    unmount();
  });

  it('given success, then onSuccess and onOpenChange(false) fire once', async () => {
    const { handlers, unmount } = setup({ open: true }, true);
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    await act(() => app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }));
    expect(handlers.onSuccess).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1', seq: 1 }));
    expect(handlers.onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    unmount();
  });

  it('when open turns false, then it asks the checkout to close and reports the cancel', async () => {
    const { handlers, rerender, unmount } = setup({ open: true });
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    rerender({ open: false });
    await act(flush);
    expect(app.received.at(-1)).toEqual({ type: 'close_request' });
    await act(() => app.send({ type: 'cancel', checkoutSessionId: 'cs_1' }));
    expect(handlers.onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: 'cs_1' }));
    expect(checkoutIframes()).toHaveLength(0);
    unmount();
  });

  it('when the token changes while open, then the old checkout is replaced by one for the new token', async () => {
    const { handlers, rerender, unmount } = setup({ open: true });
    const first = checkoutIframes()[0];
    rerender({ token: token(undefined, 'cs_secret_other_0123456789') });
    expect(checkoutIframes()).toHaveLength(1);
    expect(checkoutIframes()[0]).not.toBe(first);
    expect(handlers.onError).not.toHaveBeenCalled();
    unmount();
    await act(flush);
  });
});
