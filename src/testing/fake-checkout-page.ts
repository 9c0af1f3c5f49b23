/**
 * The fake checkout app as a page inside the host's real iframe: the host e2e tests' checkout
 * origin (test/e2e/host/pages/checkout) and the host stories' framed page
 * (stories/host/fake-checkout). Each loads a bundle of this file, which sets
 * `window.LavaFakeCheckoutPage`, and calls `run()` with its own answers. Not part of the package.
 *
 * The page's buttons say what they send by `data-send`: `success`, `cancel`, `error`,
 * `success-twice` (two successes: the host must take the first only), `junk` (malformed and
 * oversized messages), `lock`, `unlock`. `#state`, if present, tells how far the handshake got.
 */
import type { CheckoutEvent } from '../contract/events';
import { helloMessage, isConnect } from '../contract/messages';
import { createFakeApp, type FakeApp, type FakeOutcome } from './fake-app';

export interface FakeCheckoutPageOptions {
  checkoutSessionId: string;
  connectionId: string;
  /** What the `error` button ends with. */
  error: Extract<FakeOutcome, { status: 'error' }>;
  /** Sent once the checkout is ready. */
  events?: CheckoutEvent[];
  /** Move focus to this element once the host sent init (the page's heading). */
  focus?: string;
  /** Escape in the page cancels, as the app's own Escape does. */
  escapeCancels?: boolean;
}

/**
 * The app's end of the handshake, as src/checkout/bridge/child.ts does it: say hello to the
 * parent (the only message posted with a broad target, and it carries nothing), then take the
 * port of the first `connect` that comes from the parent window with exactly one port.
 */
export function connectToParent(win: Window, onPort: (port: MessagePort, origin: string) => void): void {
  function onMessage(event: MessageEvent): void {
    if (event.source !== win.parent || !isConnect(event.data) || event.ports.length !== 1) return;
    win.removeEventListener('message', onMessage);
    onPort(event.ports[0]!, event.origin);
  }
  win.addEventListener('message', onMessage);
  const target = win.location.ancestorOrigins?.[0];
  win.parent.postMessage(helloMessage(), target && target !== 'null' ? target : '*');
}

/** Messages no host may accept: not objects, missing or mistyped fields, oversized, unknown or legacy types. */
function junk(checkoutSessionId: string): unknown[] {
  return [
    'success',
    null,
    { type: 'success' },
    { type: 'success', connectionId: 42, checkoutSessionId },
    { type: 'success', connectionId: 'x'.repeat(1_000_000), checkoutSessionId },
    { type: 'error', code: 'Not a code!', message: 'x' },
    { type: 'lava_checkout_success', connectionId: 'conn_legacy', checkoutSessionId },
    { type: 'event', event: { type: 'step', step: 'x'.repeat(5000) } },
  ];
}

export function run(options: FakeCheckoutPageOptions, doc: Document = document): FakeApp {
  const win = doc.defaultView!;
  const state = doc.getElementById('state');
  const show = (text: string) => {
    if (state) state.textContent = text;
  };
  const app = createFakeApp({
    checkoutSessionId: options.checkoutSessionId,
    ...(options.events && { events: options.events }),
    onMessage(message) {
      if (message.type !== 'init') return;
      show(`init ${message.secret.length}-char secret, embed ${message.embed}`);
      if (options.focus) doc.querySelector<HTMLElement>(options.focus)?.focus();
    },
  });
  const success = { status: 'success', connectionId: options.connectionId } as const;
  const actions: Record<string, () => void> = {
    success: () => app.finish(success),
    cancel: () => app.finish({ status: 'cancel' }),
    error: () => app.finish(options.error),
    'success-twice': () => {
      app.finish(success);
      app.finish({ ...success, connectionId: `${options.connectionId}_second` });
    },
    junk: () => {
      for (const message of junk(options.checkoutSessionId)) app.post(message);
      show('junk sent');
    },
    lock: () => app.lock(),
    unlock: () => app.unlock(),
  };
  doc.addEventListener('click', (event) => {
    const kind = (event.target as Element | null)?.closest?.('[data-send]')?.getAttribute('data-send');
    if (kind) actions[kind]?.();
  });
  if (options.escapeCancels) {
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') actions.cancel!();
    });
  }
  connectToParent(win, (port, origin) => {
    show(`connected to ${origin}`);
    app.attach(port);
  });
  return app;
}

declare global {
  interface Window {
    LavaFakeCheckoutPage?: { run: typeof run };
  }
}

if (typeof window !== 'undefined') window.LavaFakeCheckoutPage = { run };
