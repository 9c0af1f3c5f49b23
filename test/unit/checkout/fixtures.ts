import type { CheckoutMode, ErrorCode, PaymentIntentResponse, StartResponse, VerifyCodeResponse } from '../../../src/contract';
import { initialState } from '../../../src/checkout/flow/initial-state';
import { transition } from '../../../src/checkout/flow/machine';
import type { CodeState, FlowEvent, FlowState, PaymentState, Screen, StateOn } from '../../../src/checkout/flow/types';
import { type FixtureNames, startAnswer, verifyAnswers } from '../../fixtures/checkout-answers';

const NAMES: FixtureNames = {
  checkoutSessionId: 'cs_test_1',
  startFlowToken: 'ft_start',
  verifiedFlowToken: 'ft_verified',
  origin: 'http://localhost:5173',
  expiresAt: '2026-11-25T13:00:00.000Z',
  creditBundle: { credit_bundle_id: 'cb_25', name: '$25 Top-up', cost: '25.00', credit_amount: '25.00' },
  ownerConnectionId: 'conn_owner',
};

export function startResponse(mode: CheckoutMode = 'onboarding', overrides: Partial<StartResponse> = {}): StartResponse {
  return startAnswer(NAMES, mode, overrides);
}

export const { newWallet, knownWallet } = verifyAnswers(NAMES);

export function intent(amount = '25.00'): PaymentIntentResponse {
  return { intent_id: 'pi_1', amount, currency: 'USD', description: 'Add funds', saved_cards: [] };
}

/** Apply events in order; answers use the id of the command in flight. */
export function run(events: Array<FlowEvent | ((state: FlowState) => FlowEvent)>, from: FlowState = initialState()): FlowState {
  let state = from;
  for (const item of events) state = transition(state, typeof item === 'function' ? item(state) : item);
  return state;
}

/** The state, checked to stand on `screen`, typed as that step's state. */
export function on<S extends Screen>(state: FlowState, screen: S): StateOn<S> {
  if (state.screen !== screen) throw new Error(`on screen ${state.screen}, not ${screen}`);
  return state as StateOn<S>;
}

/** An answer to whatever command is in flight. */
export function reply<T extends FlowEvent & { id: number }>(make: (id: number) => T): (state: FlowState) => FlowEvent {
  return (state) => {
    if (!state.command) throw new Error(`no command in flight on screen ${state.screen}`);
    return make(state.command.id);
  };
}

export const started = (response: StartResponse = startResponse()) =>
  reply((id) => ({ type: 'STARTED' as const, id, response }));

export const failedWith = (code: ErrorCode, message?: string, retryAfter?: number) =>
  (state: FlowState): FlowEvent => fail(code, state.command!.id, message, retryAfter);

function fail(code: ErrorCode, id: number, message?: string, retryAfter?: number): FlowEvent {
  const error: { code: typeof code; message?: string; retryAfter?: number } = { code };
  if (message) error.message = message;
  if (retryAfter !== undefined) error.retryAfter = retryAfter;
  return { type: 'REQUEST_FAILED', id, error };
}

export const codeSent = reply((id) => ({
  type: 'CODE_SENT' as const,
  id,
  response: { phone_masked: '+1 •••• ••00', resend_after: 30, expires_in: 600 },
}));

export const verified = (response: VerifyCodeResponse = newWallet) => reply((id) => ({ type: 'CODE_VERIFIED' as const, id, response }));

export const walletReady = (created: boolean, extra: { already_subscribed?: boolean } = {}) =>
  reply((id) => ({ type: 'WALLET_READY' as const, id, response: { connection_id: 'conn_1', created, ...extra } }));

export const intentCreated = (amount = '25.00') => reply((id) => ({ type: 'INTENT_CREATED' as const, id, response: intent(amount) }));

export const paid = reply((id) => ({
  type: 'PAYMENT_RESULT' as const,
  id,
  response: { status: 'succeeded' as const, connection_id: 'conn_1', checkout_session_id: 'cs_test_1', charge_id: 'ch_1' },
}));

export const challenged = reply((id) => ({
  type: 'PAYMENT_RESULT' as const,
  id,
  response: { status: 'requires_action' as const, challenge_id: 'c1' },
}));

/** START -> STARTED -> SUBMIT_PHONE -> CODE_SENT: on the code screen. */
export function atCode(mode: CheckoutMode = 'onboarding'): CodeState {
  return on(run([{ type: 'START' }, started(startResponse(mode)), { type: 'SUBMIT_PHONE', phone: '+12015550100' }, codeSent]), 'code');
}

export function atPayment(mode: CheckoutMode = 'onboarding'): PaymentState {
  const identity = atCode(mode);
  const afterIdentity =
    mode === 'topup' || mode === 'credit_bundle'
      ? run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet)], identity)
      : run(
          [
            { type: 'SUBMIT_CODE', code: '000000' },
            verified(),
            { type: 'CREATE_WALLET', details: { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com' } },
            walletReady(true),
          ],
          identity,
        );
  const choose: FlowEvent =
    mode === 'subscription'
      ? { type: 'CONFIRM_PLAN' }
      : mode === 'credit_bundle'
        ? { type: 'CONFIRM_BUNDLE' }
        : { type: 'CHOOSE_AMOUNT', amount: '25.00' };
  return on(run([choose, intentCreated()], afterIdentity), 'payment');
}
