import { createElement, type ReactElement, useEffect, useRef } from 'react';
import type { Attempt } from '../host/open';
import type { OpenOptions } from '../host/types';
import { useCheckout } from './use-lava-checkout';

export interface LavaCheckoutProps extends OpenOptions {
  /** The checkout session token from your backend; nothing opens without one. */
  token: string | null | undefined;
  /** Controlled: true shows the checkout; false asks it to close. */
  open: boolean;
  /** Called with false when the checkout ends by itself (success, cancel, error). */
  onOpenChange?: (open: boolean) => void;
  /** `overlay` (default) covers the page; `inline` renders in a block in place, its height following the content. */
  mode?: 'overlay' | 'inline';
}

/** The checkout as a controlled component. An overlay renders nothing in place; inline renders a block. */
export function LavaCheckout({ token, open, onOpenChange, mode, ...options }: LavaCheckoutProps): ReactElement | null {
  const container = useRef<HTMLDivElement>(null);
  // The hook reads the options of the latest render when a callback fires, so these wrappers call
  // the latest onOpenChange too.
  const wrapped: Record<string, unknown> = { ...options };
  for (const name of ['onSuccess', 'onCancel', 'onError']) {
    wrapped[name] = (result: unknown) => {
      (options as Record<string, ((result: unknown) => void) | undefined>)[name]?.(result);
      onOpenChange?.(false);
    };
  }
  const checkout = useCheckout(wrapped as OpenOptions);
  const openCheckout = checkout.open;
  const inline = mode === 'inline';
  const session = useRef<{ token: string; handle: Attempt } | null>(null);

  // All work happens in the effect body, none in cleanup: a StrictMode re-run finds the same
  // token already open and keeps it. Unmount is the hook's job.
  useEffect(() => {
    const wanted = open && token ? token : null;
    const current = session.current;
    if (current && current.handle.status !== 'idle') {
      if (current.token === wanted) return;
      if (!wanted) {
        current.handle.close();
        return;
      }
      current.handle.destroy();
    }
    session.current = wanted ? { token: wanted, handle: openCheckout(wanted, undefined, (inline && container.current) || undefined) } : null;
    // Only a change of `open` or `token` runs this: a re-render after the checkout ended by itself
    // (the parent kept `open` true) must not open it again.
  }, [open, token, openCheckout, inline]);

  return inline ? createElement('div', { ref: container }) : null;
}
