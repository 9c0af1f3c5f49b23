import { initialState } from '../../../src/checkout/flow/machine';
import type { Command, FlowError, FlowState, Screen } from '../../../src/checkout/flow/types';
import type { CheckoutMode, StartResponse } from '../../../src/contract';
import { intentFor, knownWallet, sessionFor } from './fixtures';

/**
 * A flow state standing on one screen, as the machine would leave it there: the session
 * started, the phone known, and what that screen needs (intent, wallet preview, result).
 */
export function at(screen: Screen, mode: CheckoutMode = 'subscription', extra: Partial<FlowState> = {}, start: StartResponse = sessionFor(mode)): FlowState {
  const { flow_token, ...session } = start;
  const state: FlowState = {
    ...initialState(),
    screen,
    session,
    flowToken: flow_token,
    phone: '+12015550100',
    phoneMasked: '+1 •••• ••00',
    codeSends: screen === 'phone' ? 0 : 1,
  };
  if (screen === 'wallet_link') state.wallet = knownWallet.wallet;
  if (screen === 'payment' || screen === 'challenge') state.intent = intentFor(mode);
  if (screen === 'challenge') state.challengeId = 'chal_story_1';
  if (screen === 'done') state.result = { connection_id: 'conn_story_1', checkout_session_id: start.checkout_session_id };
  if (screen === 'loading') return { ...initialState(), ...extra };
  return { ...state, ...extra };
}

/** The same state with a request in flight: the screen shows its busy state and waits. */
export function busy(state: FlowState, command: Command): FlowState {
  const paying = command.kind === 'confirm_payment' || command.kind === 'answer_challenge';
  return { ...state, busy: true, paying: paying || state.paying, command: { ...command, id: 90 }, nextCommandId: 91 };
}

/** A server error shown on the current screen. */
export function withError(state: FlowState, error: FlowError): FlowState {
  return { ...state, error };
}

/** The failure screen for a code the session cannot recover from (or a network loss). */
export function failure(error: FlowError, mode: CheckoutMode = 'subscription'): FlowState {
  return at('failure', mode, { failure: error });
}
