import { type CheckoutEvent, type StartResponse, type Step, toMinor } from '../../contract';
import { isFatal } from './errors';
import { stepOf } from './screens';
import type { Command, FlowError, FlowEvent, FlowState, Screen } from './types';

/**
 * The checkout flow as data: `transition(state, event)` returns the next state and never
 * touches the DOM or the network. A request to make is left in `state.command`; the effects
 * runner performs it and feeds the answer back as an event carrying the command's id.
 */
export function initialState(askBeforeClose = false, phoneFirst = false): FlowState {
  return {
    askBeforeClose,
    closeAfterStart: false,
    screen: phoneFirst ? 'phone' : 'loading',
    beforeStart: phoneFirst,
    session: null,
    flowToken: null,
    phone: null,
    phoneMasked: null,
    resendAfter: 0,
    codeSends: 0,
    wallet: null,
    connectionId: null,
    amount: null,
    intent: null,
    challengeId: null,
    busy: false,
    paying: false,
    error: null,
    failure: null,
    command: null,
    nextCommandId: 1,
    emits: [],
    result: null,
    outcome: null,
  };
}

export function transition(prev: FlowState, event: FlowEvent): FlowState {
  if (prev.outcome) return prev;
  const state: FlowState = { ...prev, emits: [] };
  if ('id' in event) {
    if (!state.command || state.command.id !== event.id) return prev;
    const next = answer({ ...state, command: null, busy: false }, event, state.command);
    return withStepEvent(prev, next.closeAfterStart ? close({ ...next, closeAfterStart: false }, true) : next);
  }
  // One request at a time: anything but closing waits for the answer (a phone submitted before
  // start waits for START, which issues no second request).
  if (state.busy && event.type !== 'CLOSE' && event.type !== 'START') return prev;
  const next = act(state, event);
  return next === state ? prev : withStepEvent(prev, next);
}

function act(state: FlowState, event: Exclude<FlowEvent, { id: number }>): FlowState {
  switch (event.type) {
    case 'START':
      if (state.session || state.command) return state;
      if (state.beforeStart) return issue(state, { kind: 'start' });
      return state.screen === 'loading' ? issue({ ...state, busy: true }, { kind: 'start' }) : state;
    case 'RETRY':
      if (state.screen !== 'failure' || !state.failure || isFatal(state.failure.code)) return state;
      return issue({ ...state, screen: 'loading', failure: null, busy: true }, { kind: 'start' });
    case 'SUBMIT_PHONE':
      if (state.screen !== 'phone') return state;
      // Before start answered there is no flow token yet: keep the number, send it after.
      if (state.beforeStart) return { ...state, phone: event.phone, error: null, busy: true };
      return issue({ ...state, phone: event.phone, error: null, busy: true }, { kind: 'send_code', phone: event.phone });
    case 'RESEND_CODE':
      if (state.screen !== 'code' || !state.phone) return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'send_code', phone: state.phone });
    case 'CHANGE_NUMBER':
      if (state.screen !== 'code') return state;
      return { ...state, screen: 'phone', error: null };
    case 'SUBMIT_CODE':
      if (state.screen !== 'code' || !/^\d{6}$/.test(event.code)) return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'verify_code', code: event.code });
    case 'CREATE_WALLET':
      if (state.screen !== 'wallet_create') return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'create_wallet', details: event.details });
    case 'LINK_WALLET':
      if (state.screen !== 'wallet_link') return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'link_wallet' });
    case 'CHOOSE_AMOUNT':
      return chooseAmount(state, event.amount);
    case 'CONFIRM_PLAN':
      if (state.screen !== 'plan') return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'create_intent' });
    case 'CONFIRM_BUNDLE':
      if (state.screen !== 'bundle') return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'create_intent' });
    case 'CONTINUE_SUBSCRIBED':
      if (state.screen !== 'already_subscribed') return state;
      return issue({ ...state, error: null, busy: true }, { kind: 'complete' });
    case 'BACK':
      if (state.screen !== 'payment' || state.paying || !state.session) return state;
      return { ...state, screen: purchaseScreen(state.session.mode), intent: null, error: null };
    case 'PAY_STARTED':
      if (state.screen !== 'payment' || state.paying) return state;
      return { ...state, paying: true, error: null, emits: [{ type: 'payment_submitted' }] };
    case 'PAY': {
      if (state.screen !== 'payment' || !state.intent) return state;
      const emits: CheckoutEvent[] = state.paying ? [] : [{ type: 'payment_submitted' }];
      return issue(
        { ...state, paying: true, busy: true, error: null, emits },
        { kind: 'confirm_payment', intentId: state.intent.intent_id, input: event.input },
      );
    }
    case 'PAY_CLIENT_FAILED':
      if (state.screen !== 'payment') return state;
      return paymentFailed(state, event.error);
    case 'ANSWER_CHALLENGE':
      if (state.screen !== 'challenge' || !state.intent || !state.challengeId) return state;
      return issue(
        { ...state, busy: true, error: null },
        { kind: 'answer_challenge', intentId: state.intent.intent_id, challengeId: state.challengeId, approve: event.approve },
      );
    case 'FINISH':
      if (state.screen !== 'done' || !state.result) return state;
      return {
        ...state,
        outcome: {
          kind: 'success',
          connectionId: state.result.connection_id,
          checkoutSessionId: state.result.checkout_session_id,
        },
      };
    case 'CLOSE':
      return close(state, event.byHost);
  }
}

function answer(state: FlowState, event: Extract<FlowEvent, { id: number }>, command: Command): FlowState {
  switch (event.type) {
    case 'STARTED':
      return started(state, event.response);
    case 'CODE_SENT':
      return {
        ...state,
        screen: 'code',
        phoneMasked: event.response.phone_masked,
        resendAfter: event.response.resend_after,
        codeSends: state.codeSends + 1,
        emits: [{ type: 'otp_sent' }],
      };
    case 'CODE_VERIFIED': {
      const next = afterVerified({ ...state, flowToken: event.response.flow_token, wallet: event.response.wallet });
      return { ...next, emits: [{ type: 'otp_verified' }] };
    }
    case 'WALLET_READY': {
      const next: FlowState = {
        ...state,
        connectionId: event.response.connection_id,
        // `created` speaks of the connection; which event it is depends on what was asked.
        emits: [{ type: command.kind === 'create_wallet' ? 'wallet_created' : 'wallet_linked' }],
      };
      if (next.session?.mode === 'subscription' && event.response.already_subscribed) {
        return { ...next, screen: 'already_subscribed' };
      }
      return toPurchase(next);
    }
    case 'INTENT_CREATED':
      return { ...state, screen: 'payment', intent: event.response };
    case 'PAYMENT_RESULT': {
      const res = event.response;
      if (res.status === 'succeeded') {
        const emits: CheckoutEvent[] = state.session?.mode === 'subscription' ? [{ type: 'subscription_active' }] : [];
        return {
          ...state,
          screen: 'done',
          paying: false,
          challengeId: null,
          connectionId: res.connection_id,
          result: { connection_id: res.connection_id, checkout_session_id: res.checkout_session_id },
          emits,
        };
      }
      if (res.status === 'requires_action') {
        return { ...state, screen: 'challenge', challengeId: res.challenge_id, emits: [{ type: 'authentication_required' }] };
      }
      return paymentFailed({ ...state, screen: 'payment', challengeId: null }, { code: res.code, message: res.message });
    }
    case 'COMPLETED':
      return {
        ...state,
        screen: 'done',
        connectionId: event.response.connection_id,
        result: event.response,
        emits: state.session?.mode === 'subscription' ? [{ type: 'subscription_active' }] : [],
      };
    case 'REQUEST_FAILED':
      return failed(state, command, event.error);
  }
}

function started(state: FlowState, response: StartResponse): FlowState {
  const next = resumeAt(state, response);
  // A number typed before start answered goes out now, if this session still asks for one.
  if (state.beforeStart && state.phone) {
    if (next.screen === 'phone') return issue({ ...next, busy: true }, { kind: 'send_code', phone: state.phone });
    return { ...next, phone: null };
  }
  return next;
}

function resumeAt(state: FlowState, response: StartResponse): FlowState {
  const { flow_token, ...session } = response;
  const progress = response.progress;
  const next: FlowState = {
    ...state,
    beforeStart: false,
    session,
    flowToken: flow_token,
    phoneMasked: progress.phone_masked ?? null,
    connectionId: progress.connection_id ?? null,
  };
  if (progress.step === 'done' && progress.connection_id) {
    return {
      ...next,
      screen: 'done',
      result: { connection_id: progress.connection_id, checkout_session_id: response.checkout_session_id },
    };
  }
  if (!progress.verified) {
    return { ...next, screen: progress.step === 'code' && progress.phone_masked ? 'code' : 'phone' };
  }
  if (isOwnerMode(response.mode)) return toPurchase({ ...next, connectionId: ownerConnection(next) });
  if (progress.connection_id) return toPurchase(next);
  return { ...next, screen: progress.wallet_exists ? 'wallet_link' : 'wallet_create' };
}

function afterVerified(state: FlowState): FlowState {
  const mode = state.session?.mode;
  if (mode && isOwnerMode(mode)) return toPurchase({ ...state, connectionId: ownerConnection(state) });
  const wallet = state.wallet;
  if (!wallet?.exists) return { ...state, screen: 'wallet_create' };
  // Already linked is not an error: link again (idempotent) to learn the connection.
  if (wallet.already_linked) return issue({ ...state, busy: true }, { kind: 'link_wallet' });
  return { ...state, screen: 'wallet_link' };
}

function toPurchase(state: FlowState): FlowState {
  const mode = state.session?.mode;
  return mode ? { ...state, screen: purchaseScreen(mode) } : state;
}

function purchaseScreen(mode: NonNullable<FlowState['session']>['mode']): Screen {
  switch (mode) {
    case 'onboarding':
    case 'topup':
      return 'amount';
    case 'subscription':
      return 'plan';
    case 'credit_bundle':
      return 'bundle';
  }
}

function isOwnerMode(mode: string): boolean {
  return mode === 'topup' || mode === 'credit_bundle';
}

function ownerConnection(state: FlowState): string | null {
  return state.session?.connection?.connection_id ?? state.connectionId;
}

function chooseAmount(state: FlowState, amount: string): FlowState {
  if (state.screen !== 'amount' || !state.session) return state;
  const value = toMinor(amount.trim());
  const min = toMinor(state.session.amounts.min);
  const max = toMinor(state.session.amounts.max);
  if (value === null || min === null || max === null || value < min || value > max) {
    return { ...state, error: { code: 'amount_out_of_range' } };
  }
  const clean = amount.trim();
  return issue({ ...state, amount: clean, error: null, busy: true }, { kind: 'create_intent', amount: clean });
}

function paymentFailed(state: FlowState, error: FlowError): FlowState {
  return { ...state, paying: false, error, emits: [{ type: 'payment_failed', code: error.code }] };
}

function failed(state: FlowState, command: Command, error: FlowError): FlowState {
  // topup / credit_bundle: another number than the account's is a typo to fix, not the end.
  if (command.kind === 'send_code' && error.code === 'forbidden') return { ...state, error };
  if (isFatal(error.code) || command.kind === 'start') {
    return {
      ...state,
      beforeStart: false,
      phone: command.kind === 'start' ? null : state.phone,
      screen: 'failure',
      failure: error,
      paying: false,
      error: null,
      emits: [{ type: 'error', code: error.code }],
    };
  }
  switch (command.kind) {
    case 'create_intent':
      if (error.code === 'conflict' && state.session?.mode === 'subscription') {
        return { ...state, screen: 'already_subscribed' };
      }
      return { ...state, error };
    case 'confirm_payment':
    case 'answer_challenge':
      // A lost answer leaves the charge unknown: stay on payment, the retry reuses the key.
      return paymentFailed({ ...state, screen: 'payment', challengeId: null }, error);
    default:
      return { ...state, error };
  }
}

/**
 * A customer's close is reported as `close_attempt`; with a host that confirms closes it ends
 * nothing until the host answers. The host's own close is not a customer's attempt.
 */
function close(state: FlowState, byHost?: boolean): FlowState {
  const emits: CheckoutEvent[] = byHost ? [] : [{ type: 'close_attempt' }];
  if (state.paying || (!byHost && state.askBeforeClose)) return byHost ? state : { ...state, emits };
  // The phone step shows before start answers: wait for it, so the cancel names the session.
  if (state.beforeStart && state.command?.kind === 'start') return { ...state, emits, closeAfterStart: true };
  const checkoutSessionId = state.session?.checkout_session_id;
  if (state.screen === 'done' && state.result) {
    return { ...transition(state, { type: 'FINISH' }), emits };
  }
  if (state.screen === 'failure' && state.failure) {
    return { ...state, emits, outcome: { kind: 'error', code: state.failure.code, checkoutSessionId } };
  }
  return { ...state, emits, outcome: { kind: 'cancel', checkoutSessionId } };
}

function issue(state: FlowState, command: Command): FlowState {
  return { ...state, command: { ...command, id: state.nextCommandId }, nextCommandId: state.nextCommandId + 1 };
}

/** The step the host hears about: `loading` until start says where the session is. */
export function reportedStep(state: FlowState): Step {
  return state.beforeStart ? 'loading' : stepOf(state.screen);
}

/** Every change of reported step is an event for the host. */
function withStepEvent(prev: FlowState, next: FlowState): FlowState {
  if (next === prev) return prev;
  const step = reportedStep(next);
  if (step === reportedStep(prev)) return next;
  return { ...next, emits: [...next.emits, { type: 'step', step }] };
}
