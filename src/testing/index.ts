/**
 * `@lavapayments/checkout/testing`: decide what the checkout answers in your own tests, with no
 * iframe, network or sandbox. `open()`, `mount()`, `getResult()`, `useLavaCheckout` and
 * `<LavaCheckout>` keep their real code paths; only the app on the other end of the port is fake.
 *
 *   const checkout = installFakeCheckout({ result: { status: 'success', connectionId: 'conn_1' } });
 *   ... click your button, assert on what your page shows ...
 *   checkout.uninstall();
 *
 * The production entries never import this file: they look for a hook under a well-known global
 * symbol that only this entry sets.
 */
import type { ErrorCode } from '../contract/errors';
import type { CheckoutEvent, Step } from '../contract/events';
import type { AppMessage, HostMessage, InitMessage } from '../contract/messages';
import type { SessionResult } from '../contract/results';

const HOOK = Symbol.for('lava.checkout.testing');

/** How the fake checkout ends; `checkoutSessionId` defaults to `cs_test`. */
export type FakeOutcome =
  | { status: 'success'; connectionId: string; checkoutSessionId?: string }
  | { status: 'cancel'; checkoutSessionId?: string }
  | { status: 'error'; code: ErrorCode; message?: string; checkoutSessionId?: string };

export interface FakeCheckoutOptions {
  /** Sent to onEvent, in order, once the checkout is ready. */
  events?: CheckoutEvent[];
  /** How each opened checkout ends after the events; omit it to end it yourself with `finish()`. */
  result?: FakeOutcome;
  /** The step the checkout says it is ready on. Default `phone`. */
  step?: Step;
  /** What `getResult()` answers. Default: `result` if given, else `{ status: 'open', step }`. */
  sessionResult?: SessionResult;
  /** Never say ready (to test your `load_timeout` handling). */
  neverReady?: boolean;
}

export interface FakeCheckout {
  /** The `init` each open attempt sent (embed mode, appearance, locale, attempt id). */
  readonly opened: InitMessage[];
  /** Everything the SDK sent to the fake app (init, close_request). */
  readonly received: HostMessage[];
  /** Send an event to the latest open checkout. */
  emit(event: CheckoutEvent): Promise<void>;
  /** End the latest open checkout. */
  finish(outcome: FakeOutcome): Promise<void>;
  /** Put the real checkout back. */
  uninstall(): void;
}

type Port = { onmessage: ((event: { data: unknown }) => void) | null };

/** Install the fake; the latest install wins. Call `uninstall()` in your test's cleanup. */
export function installFakeCheckout(options: FakeCheckoutOptions = {}): FakeCheckout {
  const opened: InitMessage[] = [];
  const received: HostMessage[] = [];
  let latest: Port | null = null;
  const step = options.step ?? 'phone';

  // Each message arrives on a later microtask, as a real port delivers it asynchronously.
  const send = async (port: Port | null, message: AppMessage) => {
    await Promise.resolve();
    port?.onmessage?.({ data: message });
  };
  const ending = (outcome: FakeOutcome): AppMessage => {
    const checkoutSessionId = outcome.checkoutSessionId ?? 'cs_test';
    if (outcome.status === 'success') return { type: 'success', connectionId: outcome.connectionId, checkoutSessionId };
    if (outcome.status === 'cancel') return { type: 'cancel', checkoutSessionId };
    return { type: 'error', code: outcome.code, message: outcome.message ?? outcome.code, checkoutSessionId };
  };

  async function play(port: Port): Promise<void> {
    if (options.neverReady) return;
    await send(port, { type: 'ready', step });
    for (const event of options.events ?? []) await send(port, { type: 'event', event });
    if (options.result) await send(port, ending(options.result));
  }

  function hook(connect?: (port: MessagePort) => void): SessionResult | undefined {
    if (!connect) {
      if (options.sessionResult) return options.sessionResult;
      const outcome = options.result;
      if (!outcome) return { status: 'open', step, checkoutSessionId: 'cs_test' };
      const { type, ...rest } = ending(outcome) as AppMessage & { checkoutSessionId: string };
      return { status: type, ...rest } as SessionResult;
    }
    const port: Port & { postMessage(message: HostMessage): void; close(): void } = {
      onmessage: null,
      postMessage(sent) {
        // As the real app reads an init: an unset appearance is `{}`, an unset locale is absent.
        const { locale, ...rest } = sent as InitMessage;
        const message = sent.type === 'init' ? { ...rest, appearance: sent.appearance ?? {}, ...(locale !== undefined && { locale }) } : sent;
        received.push(message);
        if (message.type === 'init') {
          opened.push(message);
          void play(port);
        } else {
          void send(port, { type: 'cancel', checkoutSessionId: 'cs_test' });
        }
      },
      close() {},
    };
    latest = port;
    connect(port as unknown as MessagePort);
    return undefined;
  }

  const globals = globalThis as Record<symbol, unknown>;
  globals[HOOK] = hook;
  return {
    opened,
    received,
    emit: (event) => send(latest, { type: 'event', event }),
    finish: (outcome) => send(latest, ending(outcome)),
    uninstall() {
      if (globals[HOOK] === hook) delete globals[HOOK];
    },
  };
}
