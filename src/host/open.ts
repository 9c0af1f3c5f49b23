import type { ErrorCode } from '../contract/errors';
import { parseAppMessage } from '../contract/messages';
import { decodeTrustedToken } from '../contract/token';
import { fake } from './fake';
import { type CheckoutFrame, createFrame } from './frame';
import { rewarm, takeWarmFrame } from './preload';
import type { CheckoutHandle, CheckoutResult, CheckoutStatus, MountHandle, OpenOptions } from './types';

/** Documented default: the checkout must be ready this many ms after open(). */
export const DEFAULT_TIMEOUT = 15_000;
/** How long close() waits for the app to answer close_request before closing anyway. */
const CLOSE_GRACE = 1_500;

const CALLBACKS = { success: 'onSuccess', cancel: 'onCancel', error: 'onError' } as const;
type Outcome = keyof typeof CALLBACKS;

/** Internal: an attempt as createCheckout() sees it. */
export interface Attempt extends CheckoutHandle {
  status: CheckoutStatus;
  /** Tear down at once without callbacks (the owner unmounted). */
  destroy(): void;
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
  return openAttempt(token, () => options, undefined, element);
}

/** Options are read through a getter when used, so callbacks fire with the latest handlers. */
export function openAttempt(token: string, latest: () => OpenOptions, onStatus?: () => void, into?: HTMLElement): Attempt {
  let frame: CheckoutFrame | undefined;
  let port: MessagePort | undefined;
  let closing = false;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let sizeTimer: ReturnType<typeof setTimeout> | undefined;
  let height: number | undefined;
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
      if (!port) finish('cancel');
      else if (handle.status !== 'processing') requestClose();
    },
    destroy: () => finish('cancel', {}, true),
  };

  function setStatus(next: CheckoutStatus): void {
    handle.status = next;
    onStatus?.();
  }

  /** Terminal: tear everything down first, then report exactly once. */
  function finish(outcome: Outcome, detail: Record<string, string> = {}, silent?: boolean): void {
    if (handle.status === 'idle') return;
    for (const timer of [loadTimer, closeTimer, sizeTimer]) clearTimeout(timer);
    frame?.destroy(); // closes the port too
    setStatus('idle');
    if (active === handle) active = null;
    rewarm();
    // The callback gets the very object `result` resolves with.
    const result = {
      status: outcome,
      checkoutSessionId: '',
      ...detail,
      ...(detail.message && { error: detail.message }),
      attemptId,
      seq: ++seq,
    } as CheckoutResult;
    settleReady(false);
    settle(result);
    if (!silent) (latest()[CALLBACKS[outcome]] as ((value: CheckoutResult) => void) | undefined)?.(result);
  }

  function fail(code: ErrorCode, message: string): Attempt {
    finish('error', { code, message });
    return handle;
  }

  function requestClose(): void {
    port!.postMessage({ type: 'close_request' });
    clearTimeout(closeTimer);
    closeTimer = setTimeout(finish, CLOSE_GRACE, 'cancel');
  }

  function connect(next: MessagePort): void {
    // Unset appearance and locale travel as undefined: the app's guard reads them as not given.
    const { appearance, locale } = latest();
    port = next;
    port.onmessage = (event) => {
      const message = parseAppMessage(event.data);
      if (!message || handle.status === 'idle') return;
      const { type, ...detail } = message;
      if (type === 'ready') {
        if (handle.status !== 'loading') return;
        clearTimeout(loadTimer);
        setStatus('ready');
        frame?.reveal();
        settleReady(true);
      } else if (type === 'event') {
        latest().onEvent?.({ ...message.event, attemptId, seq: ++seq });
        // The customer asked to close (init.confirmClose): the merchant may say no; a payment holds it.
        if (message.event.type === 'close_attempt' && handle.status !== 'processing' && latest().onCloseAttempt?.() !== false) handle.close();
      } else if (type === 'lock') {
        clearTimeout(closeTimer);
        setStatus('processing');
      } else if (type === 'unlock') {
        setStatus('ready');
        if (closing) requestClose();
      } else if (type === 'resize') {
        // Inline: the frame follows its content, at most one change per 50 ms (the latest wins).
        height = (detail as { height: number }).height;
        sizeTimer ??= setTimeout(() => {
          sizeTimer = undefined;
          if (into && frame) frame.iframe.style.height = `${height}px`;
        }, 50);
      } else {
        finish(type, detail as Record<string, string>);
      }
    };
    port.postMessage({ type: 'init', secret, attemptId, embed: into ? 'inline' : 'overlay', appearance, locale, confirmClose: true });
  }

  const hook = fake();
  let secret = '';
  let base = '';
  try {
    if (!hook) ({ secret, base } = decodeTrustedToken(token, latest().checkoutOrigins));
  } catch (error) {
    return fail('invalid_token', (error as Error).message);
  }
  // One overlay at a time; inline mounts are the merchant's layout and may sit side by side.
  if (!into) {
    if (active) return fail('already_open', 'A checkout is already open');
    active = handle;
  }
  const timeout = latest().timeout ?? DEFAULT_TIMEOUT;
  if (hook) hook(connect);
  else {
    frame = (!into && takeWarmFrame(base)) || createFrame(base, into);
    frame.show(handle.close);
    frame.onPort = connect;
    if (frame.port) connect(frame.port);
  }
  loadTimer = setTimeout(fail, timeout, 'load_timeout', `The checkout was not ready after ${timeout} ms`);
  return handle;
}
