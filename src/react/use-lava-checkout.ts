import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createCheckout } from '../host/checkout';
import type { CheckoutHandle, CheckoutStatus, OpenOptions } from '../host/types';

export type UseLavaCheckoutOptions = OpenOptions;

export interface UseLavaCheckout {
  /** Open the checkout for a session token from your backend; options here add to the hook's. */
  open: (checkoutSessionToken: string, options?: OpenOptions, into?: HTMLElement) => CheckoutHandle;
  close: () => void;
  /** Warm the checkout app for a checkout base URL (`null` stops keeping it warm). */
  preload: (base: string | null) => void;
  status: CheckoutStatus;
  isOpen: boolean;
}

const idle = (): CheckoutStatus => 'idle';

/**
 * The checkout as a hook. The core is created once per component; callbacks are read from a
 * ref when they fire, so inline handlers never reopen anything.
 */
export function useLavaCheckout(options: UseLavaCheckoutOptions = {}): UseLavaCheckout {
  const latest = useRef(options);
  latest.current = options;
  const [checkout] = useState(() => createCheckout(() => latest.current));
  const status = useSyncExternalStore(checkout.subscribe, checkout.getStatus, idle);

  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // StrictMode unmounts and remounts in one go: only a real unmount tears down.
      queueMicrotask(() => mounted.current || checkout.destroy());
    };
  }, [checkout]);

  return { open: checkout.open, close: checkout.close, preload: checkout.preload, status, isOpen: status !== 'idle' };
}
