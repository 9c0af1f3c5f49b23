import { type Attempt, openAttempt } from './open';
import { preload } from './preload';
import type { CheckoutOrigins, CheckoutStatus, OpenOptions } from './types';

/** A checkout bound to one set of options, with a status store (what the React hook wraps). */
export interface Checkout {
  /** With `into`, the checkout renders inline in that element. The owner may destroy the attempt. */
  open(token: string, options?: OpenOptions, into?: HTMLElement): Attempt;
  /** Close the attempt this instance opened (deferred while a payment is in flight). */
  close(): void;
  /** `options` default to this checkout's (its `checkoutOrigins`). */
  preload(base: string | null, options?: CheckoutOrigins): void;
  getStatus(): CheckoutStatus;
  subscribe(listener: () => void): () => void;
  /** Tear down at once, without callbacks (the owner is going away). */
  destroy(): void;
}

/**
 * Options come from a getter: callbacks are read when they fire, so the latest handlers run
 * without reopening anything. Creating a checkout touches no DOM.
 */
export function createCheckout(defaults: () => OpenOptions): Checkout {
  const listeners = new Set<() => void>();
  let current: Attempt | null = null;
  const notify = () => {
    for (const listener of listeners) listener();
  };

  return {
    open(token, options, into) {
      const handle = openAttempt(token, () => ({ ...defaults(), ...options }), { onStatus: notify, into });
      if (handle.status !== 'idle') {
        current = handle;
        notify();
      }
      return handle;
    },
    close: () => current?.close(),
    preload: (base, options = defaults()) => preload(base, options),
    getStatus: () => current?.status ?? 'idle',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => current?.destroy(),
  };
}
