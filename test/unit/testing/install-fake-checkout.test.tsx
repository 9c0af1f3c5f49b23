import { act, render, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LavaCheckout, useLavaCheckout } from '../../../src/index';
import { installFakeCheckout } from '../../../src/testing/index';
import { getResult, mount, open } from '../../../src/vanilla';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});
function install(options: Parameters<typeof installFakeCheckout>[0]) {
  const fake = installFakeCheckout(options);
  uninstall = fake.uninstall;
  return fake;
}

describe('installFakeCheckout', () => {
  it('given a success, when open() is called, then result and onSuccess answer it with no iframe and no fetch', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    install({ result: { status: 'success', connectionId: 'conn_42' } });
    const onSuccess = vi.fn();
    const handle = open('any-token-your-backend-mock-returns', { onSuccess });
    const result = await handle.result;
    expect(result).toMatchObject({ status: 'success', connectionId: 'conn_42', checkoutSessionId: 'cs_test' });
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(result);
    expect(document.querySelector('iframe')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('given a step sequence, then onEvent gets it in order, stamped with the attempt id and 1, 2, 3 ...', async () => {
    install({
      events: [{ type: 'step', step: 'code' }, { type: 'otp_verified' }, { type: 'step', step: 'wallet' }],
      result: { status: 'cancel' },
    });
    const onEvent = vi.fn();
    const result = await open('t', { onEvent }).result;
    expect(onEvent.mock.calls.map(([e]) => [e.type, e.seq])).toEqual([
      ['step', 1],
      ['otp_verified', 2],
      ['step', 3],
    ]);
    expect(result).toMatchObject({ status: 'cancel', seq: 4 });
    expect(new Set(onEvent.mock.calls.map(([e]) => e.attemptId))).toEqual(new Set([result.attemptId]));
  });

  it('given an error code, then onError gets it with the 0.1.3 fields', async () => {
    install({ result: { status: 'error', code: 'card_declined' } });
    const onError = vi.fn();
    await open('t', { onError }).result;
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'card_declined', error: 'card_declined' }));
  });

  it('given no result, when the test finishes it by hand, then the handle ends then; close() ends it as a cancel', async () => {
    const fake = install({});
    const handle = open('t');
    expect(await handle.ready).toBe(true);
    expect(handle.status).toBe('ready');
    await fake.emit({ type: 'otp_sent' });
    await fake.finish({ status: 'success', connectionId: 'conn_1' });
    expect(await handle.result).toMatchObject({ status: 'success', connectionId: 'conn_1' });
    const second = open('t');
    await second.ready;
    second.close();
    expect(await second.result).toMatchObject({ status: 'cancel' });
    expect(fake.received.map((m) => m.type)).toEqual(['init', 'init', 'close_request']);
  });

  it('given mount(), then the init says inline', async () => {
    const fake = install({ result: { status: 'cancel' } });
    await mount(document.createElement('div'), 't').result;
    expect(fake.opened[0]?.embed).toBe('inline');
  });

  it('given no appearance or locale, then the init lists them as the app reads them: appearance {} and no locale', async () => {
    const fake = install({ result: { status: 'cancel' } });
    await open('t').result;
    await open('t', { appearance: { theme: 'dark' }, locale: 'fr-FR' }).result;
    expect(fake.opened.map(({ appearance, locale }) => ({ appearance, locale }))).toEqual([{ appearance: {} }, { appearance: { theme: 'dark' }, locale: 'fr-FR' }]);
    expect('locale' in fake.opened[0]!).toBe(false);
  });

  it('given a result, then getResult answers it; given none, it answers open at the step', async () => {
    install({ result: { status: 'success', connectionId: 'conn_9', checkoutSessionId: 'cs_9' } });
    await expect(getResult('t')).resolves.toEqual({ status: 'success', connectionId: 'conn_9', checkoutSessionId: 'cs_9' });
    uninstall?.();
    install({ step: 'wallet' });
    await expect(getResult('t')).resolves.toEqual({ status: 'open', step: 'wallet', checkoutSessionId: 'cs_test' });
  });

  it('given uninstall, then the real SDK answers again (a bad token is invalid_token once more)', async () => {
    const fake = install({ result: { status: 'cancel' } });
    expect(await open('not a token').result).toMatchObject({ status: 'cancel' });
    fake.uninstall();
    expect(await open('not a token').result).toMatchObject({ status: 'error', code: 'invalid_token' });
  });

  it('given useLavaCheckout under StrictMode, then one attempt reports once, in order', async () => {
    install({ events: [{ type: 'step', step: 'code' }], result: { status: 'success', connectionId: 'conn_7' } });
    const onEvent = vi.fn();
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useLavaCheckout({ onEvent, onSuccess }), { wrapper: StrictMode });
    let awaited: unknown;
    await act(async () => {
      awaited = await result.current.open('t').result;
    });
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(awaited);
    expect(result.current.status).toBe('idle');
  });

  it('given two hooks on one page, then each gets only its own events and results', async () => {
    const fake = install({});
    const a = { onEvent: vi.fn(), onSuccess: vi.fn() };
    const b = { onEvent: vi.fn(), onSuccess: vi.fn() };
    const first = renderHook(() => useLavaCheckout(a));
    const second = renderHook(() => useLavaCheckout(b));
    await act(async () => {
      const handle = first.result.current.open('t');
      await fake.emit({ type: 'otp_sent' });
      await fake.finish({ status: 'success', connectionId: 'conn_a' });
      await handle.result;
    });
    await act(async () => {
      const handle = second.result.current.open('t');
      await fake.emit({ type: 'wallet_linked' });
      await fake.finish({ status: 'success', connectionId: 'conn_b' });
      await handle.result;
    });
    expect(a.onEvent.mock.calls.map(([e]) => e.type)).toEqual(['otp_sent']);
    expect(b.onEvent.mock.calls.map(([e]) => e.type)).toEqual(['wallet_linked']);
    expect(a.onSuccess).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ connectionId: 'conn_a' }));
    expect(b.onSuccess).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ connectionId: 'conn_b' }));
    expect(a.onSuccess.mock.calls[0]![0].attemptId).not.toBe(b.onSuccess.mock.calls[0]![0].attemptId);
  });

  it('given <LavaCheckout open> under StrictMode, then one attempt, one onSuccess, onOpenChange(false)', async () => {
    install({ events: [{ type: 'step', step: 'wallet' }], result: { status: 'success', connectionId: 'conn_3' } });
    const fake = { onEvent: vi.fn(), onSuccess: vi.fn(), onOpenChange: vi.fn() };
    render(
      <StrictMode>
        <LavaCheckout token="t" open {...fake} />
      </StrictMode>,
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(fake.onEvent).toHaveBeenCalledTimes(1);
    expect(fake.onSuccess).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ connectionId: 'conn_3', seq: 2 }));
    expect(fake.onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe('<LavaCheckout mode="inline">', () => {
  it('given inline mode, then it renders a container and the checkout opens inline in it', async () => {
    const fake = installFakeCheckout({ result: { status: 'cancel' } });
    try {
      const onCancel = vi.fn();
      const view = render(<LavaCheckout token="t" open mode="inline" onCancel={onCancel} />);
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
      expect(view.container.querySelector('div')).not.toBeNull();
      expect(fake.opened.map((init) => init.embed)).toEqual(['inline']);
      expect(onCancel).toHaveBeenCalledTimes(1);
    } finally {
      fake.uninstall();
    }
  });
});
