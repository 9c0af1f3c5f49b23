import { toMinor } from '../../contract';
import { common, issue } from './build';
import { close, finish } from './close';
import { isFatal } from './errors';
import { paymentFailed, toPurchase } from './next-step';
import type {
  AmountState,
  CodeState,
  Command,
  CustomerEvent,
  EarlyPhoneState,
  FailureState,
  FlowState,
  LoadingState,
  PaymentState,
} from './types';

/** What the customer's (or the host's) event does on the current step; the same state when nothing. */
export function act(state: FlowState, event: CustomerEvent): FlowState {
  if (event.type === 'CLOSE') return close(state, event.byHost);
  switch (state.screen) {
    case 'loading':
      return onLoading(state, event);
    case 'phone':
      if (state.session === null) return onEarlyPhone(state, event);
      return event.type === 'SUBMIT_PHONE' ? request(state, { kind: 'send_code', phone: event.phone }) : state;
    case 'code':
      return onCode(state, event);
    case 'wallet_create':
      return event.type === 'CREATE_WALLET' ? request(state, { kind: 'create_wallet', details: event.details }) : state;
    case 'wallet_link':
      return event.type === 'LINK_WALLET' ? request(state, { kind: 'link_wallet' }) : state;
    case 'amount':
      return event.type === 'CHOOSE_AMOUNT' ? chooseAmount(state, event.amount) : state;
    case 'plan':
      return event.type === 'CONFIRM_PLAN' ? request(state, { kind: 'create_intent' }) : state;
    case 'bundle':
      return event.type === 'CONFIRM_BUNDLE' ? request(state, { kind: 'create_intent' }) : state;
    case 'already_subscribed':
      return event.type === 'CONTINUE_SUBSCRIBED' ? request(state, { kind: 'complete' }) : state;
    case 'payment':
      return onPayment(state, event);
    case 'challenge':
      if (event.type !== 'ANSWER_CHALLENGE') return state;
      return request(state, { kind: 'answer_challenge', intentId: state.intent.intent_id, challengeId: state.challengeId, approve: event.approve });
    case 'done':
      return event.type === 'FINISH' ? finish(state) : state;
    case 'failure':
      return event.type === 'RETRY' ? retry(state) : state;
  }
}

/** Ask the server, clearing the last error. */
function request<S extends FlowState>(state: S, command: Command): S {
  return issue({ ...state, error: null }, command);
}

function onLoading(state: LoadingState, event: CustomerEvent): FlowState {
  return event.type === 'START' && !state.command ? issue(state, { kind: 'start' }) : state;
}

function onEarlyPhone(state: EarlyPhoneState, event: CustomerEvent): FlowState {
  if (event.type === 'START') return state.command ? state : issue(state, { kind: 'start' });
  // No flow token yet: keep the number, send it once start has answered.
  if (event.type === 'SUBMIT_PHONE') return { ...state, pendingPhone: event.phone, error: null };
  return state;
}

function onCode(state: CodeState, event: CustomerEvent): FlowState {
  switch (event.type) {
    case 'RESEND_CODE':
      return state.phone ? request(state, { kind: 'send_code', phone: state.phone }) : state;
    case 'CHANGE_NUMBER':
      return { ...common(state), session: state.session, flowToken: state.flowToken, screen: 'phone', error: null };
    case 'SUBMIT_CODE':
      return /^\d{6}$/.test(event.code) ? request(state, { kind: 'verify_code', code: event.code }) : state;
    default:
      return state;
  }
}

function chooseAmount(state: AmountState, amount: string): FlowState {
  const clean = amount.trim();
  const value = toMinor(clean);
  const min = toMinor(state.session.amounts.min);
  const max = toMinor(state.session.amounts.max);
  if (value === null || min === null || max === null || value < min || value > max) {
    return { ...state, error: { code: 'amount_out_of_range' } };
  }
  return request({ ...state, amount: clean }, { kind: 'create_intent', amount: clean });
}

function onPayment(state: PaymentState, event: CustomerEvent): FlowState {
  switch (event.type) {
    case 'BACK':
      if (state.paying) return state;
      return toPurchase({ ...state, error: null }, state, state.connectionId, state.amount);
    case 'PAY_STARTED':
      if (state.paying) return state;
      return { ...state, paying: true, error: null, emits: [{ type: 'payment_submitted' }] };
    case 'PAY': {
      const submitted: PaymentState = { ...state, paying: true, emits: state.paying ? [] : [{ type: 'payment_submitted' }] };
      return request(submitted, { kind: 'confirm_payment', intentId: state.intent.intent_id, input: event.input });
    }
    case 'PAY_CLIENT_FAILED':
      return paymentFailed(state, event.error);
    default:
      return state;
  }
}

/** After a failure that may pass (network, rate limit), start again from loading. */
function retry(state: FailureState): FlowState {
  if (isFatal(state.failure.code)) return state;
  return issue({ ...common(state), screen: 'loading', session: null, flowToken: null }, { kind: 'start' });
}
