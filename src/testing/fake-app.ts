import type { ErrorCode } from '../contract/errors';
import type { CheckoutEvent, Step } from '../contract/events';
import type { AppMessage, HostMessage, InitMessage } from '../contract/messages';

/**
 * The checkout app's end of the port, played by a test double: the one fake checkout behind the
 * testing entry, the host e2e tests' checkout page, the host stories' framed page and the host
 * unit tests. It speaks the contract's messages (src/contract/messages.ts), plus whatever a test
 * posts on purpose.
 */

/** How the fake checkout ends; `checkoutSessionId` defaults to the app's session (`cs_test`). */
export type FakeOutcome =
  | { status: 'success'; connectionId: string; checkoutSessionId?: string }
  | { status: 'cancel'; checkoutSessionId?: string }
  | { status: 'error'; code: ErrorCode; message?: string; checkoutSessionId?: string };

export interface FakeAppOptions {
  /** Sent to onEvent, in order, once the checkout is ready. */
  events?: CheckoutEvent[];
  /** How each opened checkout ends after the events; omit it to end it yourself with `finish()`. */
  result?: FakeOutcome;
  /** The step the checkout says it is ready on. Default `phone`. */
  step?: Step;
  /** Never say ready (to test your `load_timeout` handling). */
  neverReady?: boolean;
  /** The session the outcomes name when they name none. Default `cs_test`. */
  checkoutSessionId?: string;
  /**
   * `false`: answer nothing by itself (no ready after init, no cancel after close_request), for
   * tests that play every answer. Default `true`, as the app.
   */
  answers?: boolean;
  /** Each message the app read from the host, after it is recorded. */
  onMessage?: (message: HostMessage) => void;
}

/** A port as the app uses it: a MessagePort, or the testing entry's in-memory one. */
export interface AppPort {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

export interface FakeApp {
  /** The `init` of each open attempt, as the app reads it (embed mode, appearance, locale, attempt id). */
  readonly opened: InitMessage[];
  /** Everything the app read from the host (init, close_request), in order. */
  readonly received: HostMessage[];
  /** The port it talks on (the latest one attached), or null before the handshake. */
  readonly port: AppPort | null;
  /** Talk on `port` from now on: an app that reloads is handed a new one. */
  attach(port: AppPort): void;
  /** Post anything on the port, also what the real app never would (forged or malformed messages). */
  post(message: AppMessage | unknown): void;
  emit(event: CheckoutEvent): void;
  finish(outcome: FakeOutcome): void;
  /** A payment starts: the host holds closes until `unlock()`, and a close_request is answered with lock. */
  lock(): void;
  unlock(): void;
}

/** The app message that ends a checkout as `outcome` says. */
export function endingMessage(outcome: FakeOutcome, session = 'cs_test'): AppMessage {
  const checkoutSessionId = outcome.checkoutSessionId ?? session;
  if (outcome.status === 'success') return { type: 'success', connectionId: outcome.connectionId, checkoutSessionId };
  if (outcome.status === 'cancel') return { type: 'cancel', checkoutSessionId };
  return { type: 'error', code: outcome.code, message: outcome.message ?? outcome.code, checkoutSessionId };
}

/**
 * What the host sent, as the app reads it: an unset appearance is `{}`, an unset locale absent.
 * Read by the contract's types only: the testing entry imports no runtime code of the SDK, so a
 * production bundle and it share no chunk.
 */
function readHostMessage(data: unknown): HostMessage | null {
  const message = data as HostMessage | null;
  if (message?.type === 'close_request') return message;
  if (message?.type !== 'init') return null;
  const { locale, appearance, ...rest } = message;
  return { ...rest, appearance: appearance ?? {}, ...(locale !== undefined && { locale }) };
}

export function createFakeApp(options: FakeAppOptions = {}): FakeApp {
  const opened: InitMessage[] = [];
  const received: HostMessage[] = [];
  const session = options.checkoutSessionId ?? 'cs_test';
  let port: AppPort | null = null;
  let locked = false;

  const send = (message: AppMessage) => port?.postMessage(message);

  function onInit(): void {
    if (options.neverReady) return;
    send({ type: 'ready', step: options.step ?? 'phone' });
    for (const event of options.events ?? []) send({ type: 'event', event });
    if (options.result) send(endingMessage(options.result, session));
  }

  function read(data: unknown): void {
    const message = readHostMessage(data);
    if (!message) return;
    received.push(message);
    if (message.type === 'init') opened.push(message);
    options.onMessage?.(message);
    if (options.answers === false) return;
    if (message.type === 'init') onInit();
    else send(locked ? { type: 'lock' } : { type: 'cancel', checkoutSessionId: session });
  }

  return {
    opened,
    received,
    get port() {
      return port;
    },
    attach(next) {
      port = next;
      port.onmessage = (event) => read(event.data);
    },
    post: (message) => port?.postMessage(message),
    emit: (event) => send({ type: 'event', event }),
    finish: (outcome) => send(endingMessage(outcome, session)),
    lock() {
      locked = true;
      send({ type: 'lock' });
    },
    unlock() {
      locked = false;
      send({ type: 'unlock' });
    },
  };
}
