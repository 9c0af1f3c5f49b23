import type { Root } from 'react-dom/client';
import type { FlowController } from '../flow/controller';
import { initialState } from '../flow/initial-state';
import { drawApp, ENGLISH } from './draw-app';
import { type CheckoutOptions, type StartedCheckout, startCheckout } from './start-checkout';

export interface EarlyPhoneStep {
  /** The token is here: start the session, tell the host the app is ready and focus the phone field. */
  start(options: CheckoutOptions): StartedCheckout;
}

/**
 * Draw the phone step at once, before the host has sent a token: in a preloaded frame it is
 * ready (hidden by the host, not focused) when open() comes, and a cold frame draws it while the
 * handshake is still going. The merchant's name fills in when start answers.
 */
export function drawPhoneStepEarly(root: Root): EarlyPhoneStep {
  const waiting = initialState({ phoneBeforeStart: true });
  let live: FlowController | null = null;
  // Until the next render hands the screens the live controller, what they dispatch goes to it.
  const early: FlowController = { getState: () => waiting, dispatch: (event) => live?.dispatch(event), subscribe: () => () => {} };
  drawApp(root, { controller: early, backdrop: false, language: ENGLISH, appearance: {}, mayFocus: false });
  return {
    start(options) {
      const started = startCheckout(root, options, { phoneDrawn: true });
      live = started.controller;
      return started;
    },
  };
}
