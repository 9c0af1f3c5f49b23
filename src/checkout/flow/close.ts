import type { CheckoutEvent } from '../../contract';
import { isBeforeStart, isPaying } from './status';
import type { DoneState, FlowState } from './types';

/**
 * A customer's close is reported as `close_attempt`; with a host that confirms closes it ends
 * nothing until the host answers. The host's own close is not a customer's attempt.
 */
export function close(state: FlowState, byHost = false): FlowState {
  const emits: CheckoutEvent[] = byHost ? [] : [{ type: 'close_attempt' }];
  if (isPaying(state) || (!byHost && state.askBeforeClose)) return byHost ? state : { ...state, emits };
  // The phone step shows before start answers: wait for it, so the cancel names the session.
  if (isBeforeStart(state) && state.command?.kind === 'start') {
    return { ...state, emits, closeAfterStart: true };
  }
  if (state.screen === 'done') return { ...finish(state), emits };
  const checkoutSessionId = state.session?.checkout_session_id;
  if (state.screen === 'failure') return { ...state, emits, outcome: { kind: 'error', code: state.failure.code, checkoutSessionId } };
  return { ...state, emits, outcome: { kind: 'cancel', checkoutSessionId } };
}

/** The customer leaves the done screen: the checkout succeeded. */
export function finish(state: DoneState): FlowState {
  const { connection_id, checkout_session_id } = state.result;
  return { ...state, outcome: { kind: 'success', connectionId: connection_id, checkoutSessionId: checkout_session_id } };
}
