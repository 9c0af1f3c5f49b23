import { normalizeBase, trustedBase } from '../contract/token';
import { type CheckoutFrame, createFrame } from './frame';
import type { CheckoutOrigins } from './types';

let warm: CheckoutFrame | null = null;
let keepWarm: string | null = null;

/**
 * Load the checkout app in a hidden frame and finish the handshake before any token exists;
 * the next open() for the same base only sends the token. A used frame is never reused: a
 * fresh one is warmed after each checkout. `preload(null)` stops. Throws `invalid_token` for a bad
 * base or one whose origin is not trusted (see `checkoutOrigins`), before any frame is made.
 */
export function preload(base: string | null, options: CheckoutOrigins = {}): void {
  keepWarm = base && trustedBase(normalizeBase(base), options.checkoutOrigins);
  rewarm();
}

/** Hand over the warm frame if it serves this base. */
export function takeWarmFrame(base: string): CheckoutFrame | null {
  const frame = warm?.base === base ? warm : null;
  if (frame) warm = null;
  return frame;
}

/** Make the warm frame match what preload() asked for. */
export function rewarm(): void {
  if (warm?.base === keepWarm) return;
  warm?.destroy();
  warm = keepWarm ? createFrame(keepWarm) : null;
}
