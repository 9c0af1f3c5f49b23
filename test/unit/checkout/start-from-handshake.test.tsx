import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handshake } from '../../../src/checkout/bridge/child';
import { drawPhoneStepEarly, type EarlyPhoneStep } from '../../../src/checkout/start/draw-phone-step-early';
import { startFromHandshake, TOKEN_GRACE_MS } from '../../../src/checkout/start/start-from-handshake';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import type { AppMessage } from '../../../src/contract';
import { startResponse } from './fixtures';

let root: Root | null = null;
/** What each test started, disposed after it (ending its first-focus keeper). */
const started: Array<{ dispose(): void }> = [];

afterEach(async () => {
  // Let a deferred re-render land before the root goes.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const checkout of started.splice(0)) checkout.dispose();
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function setup() {
  const container = document.createElement('div');
  const outside = document.createElement('button');
  document.body.append(outside, container);
  outside.focus();
  root = createRoot(container);
  const sent: AppMessage[] = [];
  const link: HostLink = { send: (message) => sent.push(message), onCloseRequest: () => {} };
  let answerStart!: (response: Response) => void;
  const fetch = vi.fn(
    (url: string, _init?: RequestInit) =>
      new Promise<Response>((resolve) => {
        if (url.endsWith('/start')) answerStart = resolve;
        else resolve(Response.json({ phone_masked: '+1 •••• ••00', resend_after: 30, expires_in: 600 }));
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return { outside, sent, link, fetch, answerStart: () => answerStart(Response.json(startResponse())) };
}

/** Run the tasks queued so far (a deferred start or request, a deferred re-render). */
const nextTask = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

const options = (link: HostLink) => ({
  secret: 'sec_abcdefghijklmnop',
  parentOrigin: 'http://localhost:5173',
  link,
  embed: 'overlay' as const,
  appearance: {},
  backdrop: false,
});

describe('early phone step', { timeout: 30_000 }, () => {
  it('given no token yet, then the phone field is drawn but takes no focus and nothing is sent or fetched', async () => {
    const { outside, sent, fetch } = setup();
    act(() => {
      drawPhoneStepEarly(root!);
    });
    expect(await screen.findByLabelText('Phone number')).not.toHaveFocus();
    expect(outside).toHaveFocus();
    expect(sent).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when the token comes, then the phone field has focus and ready goes out at once, and /start in the next task', async () => {
    const { sent, link, fetch } = setup();
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    started.push(early.start(options(link)));
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
    expect(sent).toEqual([{ type: 'ready', step: 'phone' }]);
    // A key pressed now is taken before the request is made.
    expect(fetch).not.toHaveBeenCalled();
    await nextTask();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toMatch(/\/start$/);
  });

  it('when the token comes and the checkout is disposed in the same task, then no /start goes out', async () => {
    const { link, fetch } = setup();
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    early.start(options(link)).dispose();
    await nextTask();
    await nextTask();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('given idle time before the token, then sessionStorage is opened in it, and start reads the kept flow token without opening it again', async () => {
    const { link, fetch } = setup();
    // Held until the test runs them (the country list waits for idle time too).
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
    sessionStorage.clear();
    const opened = vi.spyOn(window, 'sessionStorage', 'get');
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    expect(opened).not.toHaveBeenCalled();
    for (const callback of idle.splice(0)) callback();
    expect(opened).toHaveBeenCalledTimes(1);
    started.push(early.start(options(link)));
    await nextTask();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('given no idle callbacks (WebKit), then sessionStorage is first opened by start, in the task after the field took focus', async () => {
    const { link, fetch } = setup();
    vi.stubGlobal('requestIdleCallback', undefined);
    const opened = vi.spyOn(window, 'sessionStorage', 'get');
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    let focusedWhenOpened: boolean | null = null;
    opened.mockImplementation(function (this: Window) {
      focusedWhenOpened ??= document.activeElement === screen.getByLabelText('Phone number');
      opened.mockRestore();
      return window.sessionStorage;
    });
    started.push(early.start(options(link)));
    expect(focusedWhenOpened).toBeNull();
    await nextTask();
    expect(focusedWhenOpened).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('given a number submitted before start answered, when start answers, then the code is sent and the ready event follows', async () => {
    const { sent, link, fetch, answerStart } = setup();
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    act(() => {
      started.push(early.start(options(link)));
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Phone number'), '2015550100');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(async () => answerStart());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1]![0]).toMatch(/\/phone\/send$/);
    expect(JSON.parse(String(fetch.mock.calls[1]![1]?.body))).toEqual({ phone: '+12015550100' });
    expect(await screen.findByLabelText('Verification code')).toBeInTheDocument();
    expect(sent.slice(0, 3)).toEqual([
      { type: 'ready', step: 'phone' },
      { type: 'event', event: { type: 'ready', step: 'phone', locale: 'en' } },
      { type: 'event', event: { type: 'step', step: 'phone' } },
    ]);
  });
});

describe('first focus kept until the flow ends', { timeout: 30_000 }, () => {
  it('given the flow has ended, when the customer types a digit with nothing focused, then focus is left where it is', async () => {
    const { link, answerStart } = setup();
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    const checkout = early.start(options(link));
    started.push(checkout);
    await nextTask();
    await act(async () => answerStart());
    await waitFor(() => expect(checkout.controller.getState().session).not.toBeNull());
    act(() => checkout.controller.dispatch({ type: 'CLOSE', byHost: true }));
    expect(checkout.controller.getState().outcome).toMatchObject({ kind: 'cancel' });
    screen.getByLabelText('Phone number').blur();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    expect(screen.getByLabelText('Phone number')).not.toHaveFocus();
  });
});

describe('starting from the bridge', { timeout: 30_000 }, () => {
  function bridgeOf(link: HostLink, state: { settled: boolean; connected: boolean }) {
    const handshake: Handshake = { parentOrigin: 'http://localhost:5173', init: { type: 'init', secret: 'sec_abcdefghijklmnop', attemptId: 'att_1', embed: 'overlay', appearance: {} }, link };
    let give!: (value: Handshake) => void;
    const promise = new Promise<Handshake>((resolve) => (give = resolve));
    if (state.settled) give(handshake);
    return { bridge: { settled: state.settled ? handshake : null, connected: state.connected, handshake: promise }, giveToken: () => give(handshake) };
  }
  const withToken = (h: Handshake) => ({ ...options(h.link), parentOrigin: h.parentOrigin, secret: h.init.secret });
  const phoneField = () => screen.queryByLabelText('Phone number');
  const startOn = (bridge: ReturnType<typeof bridgeOf>['bridge']) =>
    act(() => {
      started.push(startFromHandshake(root!, bridge, withToken));
    });

  const startRequests = (fetch: ReturnType<typeof setup>['fetch']) => fetch.mock.calls.filter(([url]) => url.endsWith('/start')).length;

  it('given the handshake complete at start, then the phone step is drawn focused at once, and ready and /start follow in the next task', async () => {
    const { sent, link, fetch } = setup();
    const { bridge } = bridgeOf(link, { settled: true, connected: true });
    startOn(bridge);
    expect(phoneField()).toHaveFocus();
    // A key pressed now is taken before the session storage read and the request.
    expect(sent).toEqual([]);
    expect(startRequests(fetch)).toBe(0);
    await nextTask();
    expect(sent).toEqual([{ type: 'ready', step: 'phone' }]);
    expect(startRequests(fetch)).toBe(1);
    expect(phoneField()).toHaveFocus();
  });

  it('given the handshake complete at start and the checkout disposed in the same task, then neither ready nor /start goes out', async () => {
    const { sent, link, fetch } = setup();
    const { bridge } = bridgeOf(link, { settled: true, connected: true });
    startOn(bridge);
    act(() => started.pop()!.dispose());
    await nextTask();
    expect(sent).toEqual([]);
    expect(startRequests(fetch)).toBe(0);
  });

  it('given connected and the token right behind, then nothing is drawn until it comes, and then once, focused', async () => {
    const { sent, link, fetch } = setup();
    const { bridge, giveToken } = bridgeOf(link, { settled: false, connected: true });
    startOn(bridge);
    expect(phoneField()).toBeNull();
    await act(async () => giveToken());
    expect(phoneField()).toHaveFocus();
    await nextTask();
    expect(sent).toEqual([{ type: 'ready', step: 'phone' }]);
    expect(startRequests(fetch)).toBe(1);
  });

  it('given connected and no token within the grace (a preloaded frame), then the phone step is drawn unfocused and the later token focuses it', async () => {
    const { outside, sent, link } = setup();
    const { bridge, giveToken } = bridgeOf(link, { settled: false, connected: true });
    startOn(bridge);
    await act(() => new Promise((resolve) => setTimeout(resolve, TOKEN_GRACE_MS + 20)));
    expect(phoneField()).not.toHaveFocus();
    expect(outside).toHaveFocus();
    expect(sent).toEqual([]);
    await act(async () => giveToken());
    expect(phoneField()).toHaveFocus();
    expect(sent).toEqual([{ type: 'ready', step: 'phone' }]);
  });

  it('given no answer to the hello yet, then the phone step is drawn at once, unfocused, and the token focuses it', async () => {
    const { outside, link } = setup();
    const { bridge, giveToken } = bridgeOf(link, { settled: false, connected: false });
    startOn(bridge);
    expect(phoneField()).not.toHaveFocus();
    expect(outside).toHaveFocus();
    await act(async () => giveToken());
    expect(phoneField()).toHaveFocus();
  });
});
