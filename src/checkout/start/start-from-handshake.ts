import type { Root } from 'react-dom/client';
import type { ChildBridge, Handshake } from '../bridge/child';
import { drawPhoneStepEarly, type EarlyPhoneStep } from './draw-phone-step-early';
import { type CheckoutOptions, type StartedCheckout, startCheckout } from './start-checkout';

/** How long a connected app waits for a token that a host opening a checkout sent with its answer. */
export const TOKEN_GRACE_MS = 50;

export interface HandshakeStart {
  /** Stop waiting for the handshake, and what the started checkout left running. */
  dispose(): void;
}

/**
 * Start the checkout from the bridge to the host, with as few renders as the timing allows:
 * - the handshake is already complete (the page's early hello was answered in time): one render;
 * - connected, no token yet: a host opening a checkout sent the token right behind its answer,
 *   so wait up to TOKEN_GRACE_MS for it before drawing without it (a preloaded frame then draws
 *   its phone step that much later, long before anyone opens it);
 * - not connected yet: draw the phone step now and start when the token comes.
 */
export function startFromHandshake(
  root: Root,
  bridge: Pick<ChildBridge, 'settled' | 'connected' | 'handshake'>,
  optionsFrom: (handshake: Handshake) => CheckoutOptions,
): HandshakeStart {
  if (bridge.settled) return startCheckout(root, optionsFrom(bridge.settled), { phoneDrawn: false });
  let early: EarlyPhoneStep | null = null;
  let started: StartedCheckout | null = null;
  let disposed = false;
  const drawEarly = () => {
    early ??= drawPhoneStepEarly(root);
  };
  const timer = bridge.connected ? setTimeout(drawEarly, TOKEN_GRACE_MS) : undefined;
  if (!bridge.connected) drawEarly();
  void bridge.handshake.then((handshake) => {
    clearTimeout(timer);
    if (disposed) return;
    started = early ? early.start(optionsFrom(handshake)) : startCheckout(root, optionsFrom(handshake), { phoneDrawn: false });
  });
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      started?.dispose();
    },
  };
}
