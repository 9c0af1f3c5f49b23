import { initialState } from '../../../src/checkout/flow/initial-state';
import type { Command, FlowError, FlowState, Screen, StateOn } from '../../../src/checkout/flow/types';
import type { CheckoutMode, StartResponse } from '../../../src/contract';
import { intentFor, knownWallet, sessionFor } from './fixtures';

/**
 * A flow state standing on one screen, as the machine would leave it there: the session
 * started, the phone known, and what that screen needs (intent, wallet preview, result).
 */
export function at<S extends Screen>(
  screen: S,
  mode: CheckoutMode = 'subscription',
  extra: Partial<StateOn<S>> = {},
  start: StartResponse = sessionFor(mode),
): FlowState {
  return { ...standingOn(screen, mode, start), ...extra } as StateOn<S>;
}

function standingOn(screen: Screen, mode: CheckoutMode, start: StartResponse): FlowState {
  const { flow_token, ...session } = start;
  const started = { ...initialState(), session, flowToken: flow_token };
  const charge = { ...started, connectionId: null, intent: intentFor(mode), amount: null };
  switch (screen) {
    case 'loading':
      return initialState();
    case 'phone':
    case 'wallet_create':
      return { ...started, screen };
    case 'code':
      return { ...started, screen, phone: '+12015550100', phoneMasked: '+1 •••• ••00', resendAfter: 0, codeSends: 1 };
    case 'wallet_link':
      return { ...started, screen, wallet: knownWallet.wallet };
    case 'amount':
      return { ...started, screen, connectionId: null, amount: null };
    case 'plan':
    case 'bundle':
    case 'already_subscribed':
      return { ...started, screen, connectionId: null };
    case 'payment':
      return { ...charge, screen, paying: false };
    case 'challenge':
      return { ...charge, screen, challengeId: 'chal_story_1' };
    case 'done':
      return { ...started, screen, result: { connection_id: 'conn_story_1', checkout_session_id: start.checkout_session_id } };
    case 'failure':
      return { ...started, screen, failure: { code: 'internal' } };
  }
}

/** The same state with a request in flight: the screen shows its busy state and waits. */
export function busy(state: FlowState, command: Command): FlowState {
  const inFlight = { ...state, command: { ...command, id: 90 }, nextCommandId: 91 };
  return inFlight.screen === 'payment' && command.kind === 'confirm_payment' ? { ...inFlight, paying: true } : inFlight;
}

/** A server error shown on the current screen. */
export function withError(state: FlowState, error: FlowError): FlowState {
  return { ...state, error };
}

/** The failure screen for a code the session cannot recover from (or a network loss). */
export function failure(error: FlowError, mode: CheckoutMode = 'subscription'): FlowState {
  return at('failure', mode, { failure: error });
}
