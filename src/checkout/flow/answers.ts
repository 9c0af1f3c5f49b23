import type {
  CompleteResponse,
  ConfirmPaymentResponse,
  PaymentIntentResponse,
  SendCodeResponse,
  StartResponse,
  WalletResponse,
} from '../../contract';
import { common, issue } from './build';
import { isFatal } from './errors';
import { isBeforeStart } from './status';
import { afterVerified, chargeOf, paymentFailed, resumeAt, startedOf, toPurchase } from './next-step';
import type { AnswerEvent, Command, FlowError, FlowState } from './types';

/** Where the runner's answer to `command` leads from the step that asked. */
export function answer(state: FlowState, event: AnswerEvent, command: Command): FlowState {
  switch (event.type) {
    case 'STARTED':
      return started(state, event.response);
    case 'CODE_SENT':
      return codeSent(state, event.response, command);
    case 'CODE_VERIFIED':
      if (state.screen !== 'code') return state;
      return { ...afterVerified(state, event.response), emits: [{ type: 'otp_verified' }] };
    case 'WALLET_READY':
      return walletReady(state, event.response, command);
    case 'INTENT_CREATED':
      return intentCreated(state, event.response);
    case 'PAYMENT_RESULT':
      return paymentResult(state, event.response);
    case 'COMPLETED':
      return done(state, event.response);
    case 'REQUEST_FAILED':
      return failed(state, command, event.error);
  }
}

function started(state: FlowState, response: StartResponse): FlowState {
  const next = resumeAt(state, response);
  // A number typed before start answered goes out now, if this session still asks for one.
  const pending = isBeforeStart(state) ? state.pendingPhone : null;
  return pending && next.screen === 'phone' ? issue(next, { kind: 'send_code', phone: pending }) : next;
}

function codeSent(state: FlowState, response: SendCodeResponse, command: Command): FlowState {
  const session = startedOf(state);
  if (!session || command.kind !== 'send_code') return state;
  return {
    ...common(state),
    ...session,
    screen: 'code',
    phone: command.phone,
    phoneMasked: response.phone_masked,
    resendAfter: response.resend_after,
    codeSends: state.screen === 'code' ? state.codeSends + 1 : 1,
    emits: [{ type: 'otp_sent' }],
  };
}

function walletReady(state: FlowState, response: WalletResponse, command: Command): FlowState {
  const session = startedOf(state);
  if (!session) return state;
  // `created` speaks of the connection; which event it is depends on what was asked.
  const next = { ...state, emits: [{ type: command.kind === 'create_wallet' ? 'wallet_created' : 'wallet_linked' } as const] };
  if (session.session.mode === 'subscription' && response.already_subscribed) {
    return { ...common(next), ...session, screen: 'already_subscribed', connectionId: response.connection_id };
  }
  return toPurchase(next, session, response.connection_id);
}

function intentCreated(state: FlowState, intent: PaymentIntentResponse): FlowState {
  if (state.screen !== 'amount' && state.screen !== 'plan' && state.screen !== 'bundle') return state;
  const { session, flowToken, connectionId } = state;
  const amount = state.screen === 'amount' ? state.amount : null;
  return { ...common(state), screen: 'payment', session, flowToken, connectionId, intent, amount, paying: false };
}

function paymentResult(state: FlowState, response: ConfirmPaymentResponse): FlowState {
  if (state.screen !== 'payment' && state.screen !== 'challenge') return state;
  switch (response.status) {
    case 'succeeded':
      return done(state, { connection_id: response.connection_id, checkout_session_id: response.checkout_session_id });
    case 'requires_action':
      return {
        ...common(state),
        ...chargeOf(state),
        screen: 'challenge',
        challengeId: response.challenge_id,
        emits: [{ type: 'authentication_required' }],
      };
    case 'failed':
      return paymentFailed(state, { code: response.code, message: response.message });
  }
}

/** Paid, or nothing to pay (already subscribed): the done screen. */
function done(state: FlowState, result: CompleteResponse): FlowState {
  const session = startedOf(state);
  if (!session) return state;
  const emits = session.session.mode === 'subscription' ? [{ type: 'subscription_active' } as const] : [];
  return { ...common(state), ...session, screen: 'done', result, emits };
}

function failed(state: FlowState, command: Command, error: FlowError): FlowState {
  // topup / credit_bundle: another number than the account's is a typo to fix, not the end.
  if (command.kind === 'send_code' && error.code === 'forbidden') return { ...state, error };
  if (isFatal(error.code) || command.kind === 'start') {
    const { session, flowToken } = state;
    return { ...common(state), screen: 'failure', session, flowToken, failure: error, error: null, emits: [{ type: 'error', code: error.code }] };
  }
  if (command.kind === 'create_intent' && error.code === 'conflict' && state.screen === 'plan' && state.session.mode === 'subscription') {
    return { ...state, screen: 'already_subscribed' };
  }
  // A lost answer leaves the charge unknown: stay on payment, the retry reuses the key.
  if (state.screen === 'payment' || state.screen === 'challenge') return paymentFailed(state, error);
  return { ...state, error };
}
