import type { ErrorCode } from '../contract/errors';
import { type AppMessage, parseAppMessage } from '../contract/messages';
import { decodeTrustedToken } from '../contract/token';
import { fake } from './fake';
import { type CheckoutFrame, createFrame } from './frame';
import { rewarm, takeWarmFrame } from './preload';
import type { CheckoutCallbacks, CheckoutHandle, CheckoutResult, CheckoutStatus, MountHandle, OpenOptions } from './types';

/** Documented default: the checkout must be ready this many ms after open(). */
export const DEFAULT_TIMEOUT = 15_000;
/** How long close() waits for the app to answer close_request before closing anyway. */
const CLOSE_GRACE = 1_500;

const CALLBACKS = { success: 'onSuccess', cancel: 'onCancel', error: 'onError' } as const;
/** How an attempt ends: the app's last message, or one the host writes (close, timeout, bad token). */
type Ending = Extract<AppMessage, { type: keyof typeof CALLBACKS }>;
const CANCEL: Ending = { type: 'cancel' };

/** Internal: an attempt as createCheckout() sees it; `destroy` is the owner's teardown. */
export interface Attempt extends MountHandle {
  status: CheckoutStatus;
}

export interface AttemptOptions {
  /** Called on every status change (the React hook's store). */
  onStatus?: () => void;
  /** Render inline in this element (mount) instead of over the page. */
  into?: HTMLElement;
}

/** The one checkout open on this page; a second open() gets `already_open`. */
let active: Attempt | null = null;

/**
 * Open the checkout over the page for a checkout session token.
 * Every failure reaches `onError` with a code and leaves the page as it was.
 */
export function open(token: string, options: OpenOptions = {}): CheckoutHandle {
  return openAttempt(token, () => options);
}

/** Render it inside the merchant's `element` instead of over the page (no backdrop, no scroll lock). */
export function mount(element: HTMLElement, token: string, options: OpenOptions = {}): MountHandle {
  return openAttempt(token, () => options, { into: element });
}

/**
 * Options are read through a getter when used, so callbacks fire with the latest handlers;
 * `attempt` holds what only the package passes (a status listener, the element to mount into).
 */
export function openAttempt(token: string, latest: () => OpenOptions, attempt: AttemptOptions = {}): Attempt {
  const { into } = attempt;
  let frame: CheckoutFrame | undefined;
  let port: MessagePort | undefined;
  // close() was called while a payment held it: ask again once the payment is through.
  let closing = false;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  // Tells attempts apart; not a secret. Every event and the result carry it and a sequence number.
  const attemptId = Math.random().toString(36).slice(2);
  let seq = 0;
  let settleReady!: (ready: boolean) => void;
  let settle!: (result: CheckoutResult) => void;

  const handle: Attempt = {
    ready: new Promise((resolve) => (settleReady = resolve)),
    result: new Promise((resolve) => (settle = resolve)),
    status: 'loading',
    close() {
      if (handle.status === 'idle') return;
      closing = true;
      if (!port) finish(CANCEL);
      else if (handle.status !== 'processing') requestClose();
    },
    // No callbacks: their owner is going away.
    destroy: () => finish(CANCEL, {}),
  };

  function setStatus(next: CheckoutStatus): void {
    handle.status = next;
    attempt.onStatus?.();
  }

  /** Terminal: tear everything down first, then report exactly once (to `callbacks` too). */
  function finish(ending: Ending, callbacks?: CheckoutCallbacks): void {
    if (handle.status === 'idle') return;
    clearTimeout(loadTimer);
    clearTimeout(closeTimer);
    frame?.destroy(); // closes the port too
    setStatus('idle');
    if (active === handle) active = null;
    rewarm();
    // The callback gets the very object `result` resolves with.
    const { type, ...detail } = ending;
    const result = {
      status: type,
      checkoutSessionId: '',
      ...detail,
      ...('message' in detail && { error: detail.message }),
      attemptId,
      seq: ++seq,
    } as CheckoutResult;
    settleReady(false);
    settle(result);
    ((callbacks ?? latest())[CALLBACKS[type]] as ((result: CheckoutResult) => void) | undefined)?.(result);
  }

  function fail(code: ErrorCode, message: string): Attempt {
    finish({ type: 'error', code, message });
    return handle;
  }

  function requestClose(): void {
    port!.postMessage({ type: 'close_request' });
    clearTimeout(closeTimer);
    closeTimer = setTimeout(finish, CLOSE_GRACE, CANCEL);
  }

  function connect(next: MessagePort): void {
    // Unset appearance, locale and prefill travel as undefined: the app's guard reads them as not given.
    // The prefill goes in this message only (personal data: never in a URL, an event or a result).
    const { appearance, locale, prefill } = latest();
    port = next;
    port.onmessage = (event) => {
      const message = parseAppMessage(event.data);
      if (!message || handle.status === 'idle') return;
      // Each test on the type narrows the message, so no casts. Not a switch: the same steps as
      // one minified cost 9 B more, past the vanilla entry's budget.
      if (message.type === 'ready') {
        if (handle.status !== 'loading') return;
        clearTimeout(loadTimer);
        setStatus('ready');
        frame?.reveal();
        settleReady(true);
      } else if (message.type === 'event') {
        latest().onEvent?.({ ...message.event, attemptId, seq: ++seq });
        // The customer asked to close (init.confirmClose): the merchant may say no; a payment holds it.
        if (message.event.type === 'close_attempt' && handle.status !== 'processing' && latest().onCloseAttempt?.() !== false) handle.close();
      } else if (message.type === 'lock') {
        clearTimeout(closeTimer);
        setStatus('processing');
      } else if (message.type === 'unlock') {
        setStatus('ready');
        if (closing) requestClose();
      } else if (message.type === 'resize') frame?.resize(message.height);
      else finish(message);
    };
    port.postMessage({ type: 'init', secret, attemptId, embed: into ? 'inline' : 'overlay', appearance, locale, prefill, confirmClose: true });
  }

  // How this attempt reaches its app: a frame on the token's trusted checkout origin (the warm one
  // if it serves that origin). Test-only, decided here once: `@lavapayments/checkout/testing`
  // installs a fake app, which takes any token and plays the checkout on a port of its own.
  let reach: ((connect: (port: MessagePort) => void) => void) | undefined = fake();
  let secret = '';
  try {
    if (!reach) {
      const app = decodeTrustedToken(token, latest().checkoutOrigins);
      secret = app.secret;
      reach = (connect) => {
        frame = (!into && takeWarmFrame(app.base)) || createFrame(app.base, into);
        // A warm frame has its port: the token goes first, so the app starts while this page
        // draws the overlay (each in its own process).
        frame.onPort = connect;
        if (frame.port) connect(frame.port);
        frame.show(handle.close);
      };
    }
  } catch (error) {
    return fail('invalid_token', (error as Error).message);
  }
  // One overlay at a time; inline mounts are the merchant's layout and may sit side by side.
  if (!into) {
    if (active) return fail('already_open', 'A checkout is already open');
    active = handle;
  }
  const timeout = latest().timeout ?? DEFAULT_TIMEOUT;
  reach(connect);
  loadTimer = setTimeout(fail, timeout, 'load_timeout', `The checkout was not ready after ${timeout} ms`);
  return handle;
}
