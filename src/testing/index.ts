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
import type { CheckoutEvent, Step } from '../contract/events';
import type { HostMessage, InitMessage } from '../contract/messages';
import type { SessionResult } from '../contract/results';
import { type AppPort, createFakeApp, endingMessage, type FakeOutcome } from './fake-app';

export type { FakeOutcome };

const HOOK = Symbol.for('lava.checkout.testing');

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

/**
 * Two ends of an in-memory port: what one end posts reaches the other on a later microtask, as a
 * real port delivers it asynchronously.
 */
function memoryChannel(): { host: AppPort & { close(): void }; app: AppPort } {
  const host: AppPort & { close(): void } = { onmessage: null, postMessage: (data) => deliver(app, data), close() {} };
  const app: AppPort = { onmessage: null, postMessage: (data) => deliver(host, data) };
  function deliver(to: AppPort, data: unknown): void {
    // The SDK reads only `data` from what its port delivers.
    queueMicrotask(() => to.onmessage?.({ data } as MessageEvent));
  }
  return { host, app };
}

/** Install the fake; the latest install wins. Call `uninstall()` in your test's cleanup. */
export function installFakeCheckout(options: FakeCheckoutOptions = {}): FakeCheckout {
  const app = createFakeApp(options);
  const step = options.step ?? 'phone';
  // After what was posted now has been delivered.
  const delivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

  function hook(connect?: (port: MessagePort) => void): SessionResult | undefined {
    if (!connect) {
      if (options.sessionResult) return options.sessionResult;
      if (!options.result) return { status: 'open', step, checkoutSessionId: 'cs_test' };
      const { type, ...rest } = endingMessage(options.result) as ReturnType<typeof endingMessage> & { checkoutSessionId: string };
      return { status: type, ...rest } as SessionResult;
    }
    const channel = memoryChannel();
    app.attach(channel.app);
    connect(channel.host as unknown as MessagePort);
    return undefined;
  }

  const globals = globalThis as Record<symbol, unknown>;
  globals[HOOK] = hook;
  return {
    opened: app.opened,
    received: app.received,
    emit: (event) => {
      app.emit(event);
      return delivered();
    },
    finish: (outcome) => {
      app.finish(outcome);
      return delivered();
    },
    uninstall() {
      if (globals[HOOK] === hook) delete globals[HOOK];
    },
  };
}
