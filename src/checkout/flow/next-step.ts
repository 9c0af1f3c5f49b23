import type { StartResponse, VerifyCodeResponse } from '../../contract';
import { common, issue } from './build';
import type { AmountState, BundleState, ChallengeState, CodeState, FlowError, FlowState, PaymentState, PlanState, Session } from './types';

type Purchase = AmountState | PlanState | BundleState;

interface Started {
  session: Session;
  flowToken: string;
}

/** The screen where the session's mode buys. */
export function purchaseScreen(mode: Session['mode']): Purchase['screen'] {
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

/** The purchase screen for the session, for `connectionId` (`amount`: the one chosen before, on the amount screen). */
export function toPurchase(state: FlowState, started: Started, connectionId: string | null, amount: string | null = null): Purchase {
  const base = { ...common(state), session: started.session, flowToken: started.flowToken, connectionId };
  const screen = purchaseScreen(started.session.mode);
  return screen === 'amount' ? { ...base, screen, amount } : { ...base, screen };
}

/** Session and credential, when start has answered. */
export function startedOf(state: FlowState): Started | null {
  return state.session && state.flowToken !== null ? { session: state.session, flowToken: state.flowToken } : null;
}

/** Where start says the session is: from the beginning, or resumed where it was left. */
export function resumeAt(state: FlowState, response: StartResponse): FlowState {
  const { flow_token, ...session } = response;
  const started = { ...common(state), session, flowToken: flow_token };
  const progress = response.progress;
  if (progress.step === 'done' && progress.connection_id) {
    const result = { connection_id: progress.connection_id, checkout_session_id: response.checkout_session_id };
    return { ...started, screen: 'done', result };
  }
  if (!progress.verified) {
    if (progress.step === 'code' && progress.phone_masked) {
      return { ...started, screen: 'code', phone: null, phoneMasked: progress.phone_masked, resendAfter: 0, codeSends: 0 };
    }
    return { ...started, screen: 'phone' };
  }
  const connectionId = progress.connection_id ?? null;
  if (isOwnerMode(session.mode)) return toPurchase(state, started, session.connection?.connection_id ?? connectionId);
  if (connectionId) return toPurchase(state, started, connectionId);
  return progress.wallet_exists ? { ...started, screen: 'wallet_link', wallet: null } : { ...started, screen: 'wallet_create' };
}

/** After the code: the account's own purchase, or the wallet to create or link. */
export function afterVerified(state: CodeState, response: VerifyCodeResponse): FlowState {
  const verified = { ...state, flowToken: response.flow_token };
  const started = { session: state.session, flowToken: response.flow_token };
  if (isOwnerMode(state.session.mode)) return toPurchase(verified, started, state.session.connection?.connection_id ?? null);
  const wallet = response.wallet;
  if (!wallet.exists) return { ...common(verified), ...started, screen: 'wallet_create' };
  // Already linked is not an error: link again (idempotent) to learn the connection.
  if (wallet.already_linked) return issue(verified, { kind: 'link_wallet' });
  return { ...common(verified), ...started, screen: 'wallet_link', wallet };
}

/** Top-up and credit-bundle checkouts are for the account the session names. */
function isOwnerMode(mode: Session['mode']): boolean {
  return mode === 'topup' || mode === 'credit_bundle';
}

/** What the charge screens carry from one to the other. */
export function chargeOf({ session, flowToken, connectionId, intent, amount }: PaymentState | ChallengeState) {
  return { session, flowToken, connectionId, intent, amount };
}

/** Back on the payment screen, unlocked, with the reason the charge did not go through. */
export function paymentFailed(state: PaymentState | ChallengeState, error: FlowError): PaymentState {
  const emits: PaymentState['emits'] = [{ type: 'payment_failed', code: error.code }];
  return { ...common(state), ...chargeOf(state), screen: 'payment', paying: false, error, emits };
}
