import { act, createElement, StrictMode, version } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LavaCheckout, type UseLavaCheckout, useLavaCheckout } from '../../../../src/index';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from '../../host/fake-checkout-frame';

// React 18's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
function mount(element: ReturnType<typeof createElement>): void {
  const host = document.createElement('div');
  document.body.append(host);
  container = host;
  root = createRoot(host);
  act(() => root?.render(createElement(StrictMode, null, element)));
}
afterEach(async () => {
  act(() => root?.unmount());
  root = null;
  container?.remove();
  await act(flush);
});

function StatusPage({ onSuccess, expose }: { onSuccess?: () => void; expose: (api: UseLavaCheckout) => void }) {
  const api = useLavaCheckout({ onSuccess });
  expose(api);
  return createElement('output', null, api.status);
}

describe('React 18', () => {
  it('runs these tests on React 18', () => {
    expect(version).toMatch(/^18\./);
  });

  it('given StrictMode, the hook opens exactly one iframe, reports status, and success fires once', async () => {
    const onSuccess = vi.fn();
    let api: UseLavaCheckout | undefined;
    mount(createElement(StatusPage, { onSuccess, expose: (value) => (api = value) }));
    act(() => {
      api?.open(token());
    });
    expect(checkoutIframes()).toHaveLength(1);
    expect(container?.textContent).toBe('loading');
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    expect(container?.textContent).toBe('ready');
    await act(() => app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' }));
    expect(onSuccess).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1', seq: 1 }));
    expect(container?.textContent).toBe('idle');
  });

  it('given <LavaCheckout open> under StrictMode, exactly one iframe is created; unmount tears it down', async () => {
    const createElementSpy = vi.spyOn(document, 'createElement');
    mount(createElement(LavaCheckout, { token: token(), open: true }));
    await act(flush);
    expect(createElementSpy.mock.calls.filter(([tag]) => tag === 'iframe')).toHaveLength(1);
    expect(checkoutIframes()).toHaveLength(1);
    act(() => root?.unmount());
    root = null;
    await act(flush);
    expect(checkoutIframes()).toHaveLength(0);
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('server rendering produces the idle markup', () => {
    expect(renderToString(createElement(StatusPage, { expose: () => undefined }))).toBe('<output>idle</output>');
  });
});
