import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type Checkout, createCheckout } from '../host/checkout';
import type { CheckoutHandle, CheckoutOrigins, CheckoutStatus, OpenOptions } from '../host/types';

export type UseLavaCheckoutOptions = OpenOptions;

export interface UseLavaCheckout {
  /** Open the checkout for a session token from your backend; options here add to the hook's. */
  open: (checkoutSessionToken: string, options?: OpenOptions, into?: HTMLElement) => CheckoutHandle;
  close: () => void;
  /** Warm the checkout app for a checkout base URL (`null` stops keeping it warm); trusts the hook's `checkoutOrigins` unless given others. */
  preload: (base: string | null, options?: CheckoutOrigins) => void;
  status: CheckoutStatus;
  isOpen: boolean;
}

/** Internal: the hook as <LavaCheckout> uses it, whose `open` answers an attempt it can destroy. */
export interface CheckoutBinding extends UseLavaCheckout {
  open: Checkout['open'];
}

/** Internal: `useLavaCheckout` typed for <LavaCheckout>. */
export function useCheckout(options: UseLavaCheckoutOptions = {}): CheckoutBinding {
  const latest = useRef(options);
  latest.current = options;
  const [checkout] = useState(() => createCheckout(() => latest.current));
  // On the server nothing ever opens, so getStatus answers 'idle' there too: it is the server snapshot as well.
  const status = useSyncExternalStore(checkout.subscribe, checkout.getStatus, checkout.getStatus);

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

/**
 * The checkout as a hook. The core is created once per component; callbacks are read from a
 * ref when they fire, so inline handlers never reopen anything.
 */
export const useLavaCheckout: (options?: UseLavaCheckoutOptions) => UseLavaCheckout = useCheckout;
