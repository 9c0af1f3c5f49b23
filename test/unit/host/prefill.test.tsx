import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindButtons } from '../../../src/host/declarative';
import { mount, open } from '../../../src/host/open';
import type { CheckoutHandle, OpenOptions } from '../../../src/host/types';
import { LavaCheckout, type Prefill, useLavaCheckout } from '../../../src/index';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from './fake-checkout-frame';

const PREFILL: Prefill = { phone: '+14155550123', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
const VALUES = Object.values(PREFILL) as string[];

/** Whether any prefill value shows in `value` (as text, however deep). */
const leaks = (value: unknown) => VALUES.some((v) => JSON.stringify(value ?? null).includes(v) || String(value).includes(v));

const handles: CheckoutHandle[] = [];

afterEach(() => {
  for (const handle of handles.splice(0)) (handle as CheckoutHandle & { destroy(): void }).destroy();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Callbacks recording every argument, and console methods recording every call. */
function watch() {
  const seen: unknown[] = [];
  const record = (...args: unknown[]) => void seen.push(args);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
  const callbacks: OpenOptions = { onSuccess: record, onCancel: record, onError: record, onEvent: record };
  return { seen, callbacks };
}

/** The app's side: ready, a few events, then success; what the host reports goes to `watch`. */
async function playFlow(app: FakeCheckoutFrame) {
  await app.connectAndReady();
  await app.send({ type: 'event', event: { type: 'otp_sent' } });
  await app.send({ type: 'event', event: { type: 'wallet_created' } });
  await app.send({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
}

describe('prefill from the merchant page', () => {
  it('given open() with a prefill, then it travels in init and nowhere else: not the frame URL, events, result or console', async () => {
    const { seen, callbacks } = watch();
    const handle = open(token(), { ...callbacks, prefill: PREFILL });
    handles.push(handle);
    const [iframe] = checkoutIframes();
    expect(leaks(iframe!.src)).toBe(false);
    const app = FakeCheckoutFrame.current();
    await playFlow(app);
    expect(app.initMessages).toEqual([expect.objectContaining({ type: 'init', prefill: PREFILL })]);
    // Only init carries it: the handshake's connect does not.
    expect(app.received.filter((m) => leaks(m))).toEqual(app.initMessages);
    expect(leaks(app.connects)).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.filter(leaks)).toEqual([]);
    expect(leaks(await handle.result)).toBe(false);
  });

  it('given mount() with a prefill, then the inline checkout gets it in init', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    handles.push(mount(container, token(), { prefill: PREFILL }));
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    expect(app.initMessages[0]).toMatchObject({ embed: 'inline', prefill: PREFILL });
  });

  it('given no prefill, then init carries none', async () => {
    handles.push(open(token()));
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    expect((app.initMessages[0] as { prefill?: unknown }).prefill).toBeUndefined();
  });
});

/** A merchant page opening the checkout through the hook. */
function Page({ prefill }: { prefill: Prefill }) {
  const { open: openCheckout } = useLavaCheckout({ prefill });
  return (
    <button type="button" onClick={() => openCheckout(token())}>
      Subscribe
    </button>
  );
}

describe('prefill through the React bindings', () => {
  it('given useLavaCheckout({ prefill }), when it opens, then init carries the prefill of the latest render', async () => {
    const view = render(<Page prefill={{ email: 'old@example.com' }} />);
    view.rerender(<Page prefill={PREFILL} />);
    act(() => view.getByRole('button').click());
    const app = FakeCheckoutFrame.current();
    await act(() => app.connectAndReady());
    expect(app.initMessages[0]).toMatchObject({ prefill: PREFILL });
    view.unmount();
    await act(flush);
  });

  it('given <LavaCheckout prefill={…}>, then init carries it and no callback sees it', async () => {
    const { seen, callbacks } = watch();
    const view = render(<LavaCheckout token={token()} open prefill={PREFILL} {...callbacks} onOpenChange={(value) => seen.push(value)} />);
    const app = FakeCheckoutFrame.current();
    await act(() => playFlow(app));
    expect(app.initMessages[0]).toMatchObject({ prefill: PREFILL });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.filter(leaks)).toEqual([]);
    view.unmount();
    await act(flush);
  });
});

describe('prefill on a declarative button', () => {
  function button(attributes: Record<string, string>) {
    const element = document.createElement('button');
    element.setAttribute('data-lava-checkout-endpoint', '/api/checkout');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
    return element;
  }

  it('given the data-lava-checkout-prefill-* attributes, when clicked, then init carries them and the endpoint request does not', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ checkout_session_token: token() }));
    vi.stubGlobal('fetch', fetchMock);
    const unbind = bindButtons(document);
    const events: CustomEvent[] = [];
    const element = button({
      'data-lava-checkout-prefill-phone': PREFILL.phone!,
      'data-lava-checkout-prefill-first-name': PREFILL.firstName!,
      'data-lava-checkout-prefill-last-name': PREFILL.lastName!,
      'data-lava-checkout-prefill-email': PREFILL.email!,
    });
    for (const type of ['lava:success', 'lava:event']) element.addEventListener(type, (event) => events.push(event as CustomEvent));
    element.click();
    await flush();
    const app = FakeCheckoutFrame.current();
    await playFlow(app);
    expect(app.initMessages[0]).toMatchObject({ prefill: PREFILL });
    expect(leaks(fetchMock.mock.calls)).toBe(false);
    expect(events.map((event) => event.type)).toEqual(['lava:event', 'lava:event', 'lava:success']);
    expect(events.filter((event) => leaks(event.detail))).toEqual([]);
    unbind();
  });

  it('given only some attributes, then the checkout reads just those', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ checkout_session_token: token() }));
    const unbind = bindButtons(document);
    button({ 'data-lava-checkout-prefill-email': 'ada@example.com' }).click();
    await flush();
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    expect((app.initMessages[0] as { prefill?: unknown }).prefill).toEqual({ email: 'ada@example.com' });
    await app.send({ type: 'cancel' });
    unbind();
  });
});

// Last: the script-tag entry binds the declarative buttons on this document for good.
describe('prefill through the script tag', () => {
  it('given window.LavaCheckout.open with a prefill, then init carries it', async () => {
    await import('../../../src/umd');
    expect(window.LavaCheckout.open).toBe(open);
    handles.push(window.LavaCheckout.open(token(), { prefill: PREFILL }));
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    expect(app.initMessages[0]).toMatchObject({ prefill: PREFILL });
  });
});
