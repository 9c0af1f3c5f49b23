import type { Step } from '../../contract';
import { stepOf } from './screens';
import type { EarlyPhoneState, FlowState } from './types';

/**
 * A request is in flight and the screen waits for it. The early phone step's start request does
 * not count (the field stays usable) until a number is waiting on it.
 */
export function isBusy(state: FlowState): boolean {
  if (isBeforeStart(state)) return state.pendingPhone !== null;
  return state.command !== null;
}

/** A charge is in flight: the host is locked and close is ignored. */
export function isPaying(state: FlowState): boolean {
  return state.screen === 'challenge' || (state.screen === 'payment' && state.paying);
}

/** The phone step is drawn and start has not answered yet. */
export function isBeforeStart(state: FlowState): state is EarlyPhoneState {
  return state.screen === 'phone' && state.session === null;
}

/** The step the host hears about: `loading` until start says where the session is. */
export function reportedStep(state: FlowState): Step {
  return isBeforeStart(state) ? 'loading' : stepOf(state.screen);
}
