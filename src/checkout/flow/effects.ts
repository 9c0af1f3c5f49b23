import type { ConfirmPaymentRequest } from '../../contract';
import { type FlowApi, FlowApiError, type ProofOptions } from '../api/client';
import type { FlowTokenStore } from './flow-token-store';
import type { IdempotencyKeys } from './idempotency';
import type { FlowError, FlowEvent, FlowState, IssuedCommand, PaymentInput } from './types';

export interface EffectDeps {
  api: FlowApi;
  /** The session secret, held here and never in state. */
  secret: string;
  parentOrigin: string | null;
  keys: (checkoutSessionId: string) => IdempotencyKeys;
  /** Where the verified flow token is kept for a reload; absent (the legacy path), nothing resumes. */
  tokens?: FlowTokenStore;
  /** What start's read of the kept token and its request wait for, when the task that starts the flow has more urgent work. */
  beforeStart?: () => Promise<void>;
}

/** Perform one command and describe its answer as an event. Never throws. */
export async function runCommand(command: IssuedCommand, state: FlowState, deps: EffectDeps): Promise<FlowEvent> {
  const id = command.id;
  const token = state.flowToken ?? '';
  const sessionId = state.session?.checkout_session_id ?? '';
  try {
    switch (command.kind) {
      case 'start': {
        if (deps.beforeStart) await deps.beforeStart();
        const kept = deps.tokens?.read(deps.secret);
        const body = { secret: deps.secret, parent_origin: deps.parentOrigin, ...(kept ? { flow_token: kept } : {}) };
        const response = await deps.api.start(body, proofOptions(deps));
        // The kept token was spent by this start (rotated), or proved nothing: keep what came back.
        if (response.progress.verified) deps.tokens?.keep(deps.secret, response.flow_token);
        else if (kept) deps.tokens?.forget(deps.secret);
        return { type: 'STARTED', id, response };
      }
      case 'send_code':
        return { type: 'CODE_SENT', id, response: await deps.api.sendCode(token, command.phone) };
      case 'verify_code': {
        const response = await deps.api.verifyCode(token, command.code, proofOptions(deps));
        deps.tokens?.keep(deps.secret, response.flow_token);
        return { type: 'CODE_VERIFIED', id, response };
      }
      case 'create_wallet':
        return { type: 'WALLET_READY', id, response: await deps.api.createWallet(token, command.details) };
      case 'link_wallet':
        return { type: 'WALLET_READY', id, response: await deps.api.linkWallet(token) };
      case 'create_intent': {
        const idempotency_key = deps.keys(sessionId).intentKey(command.amount);
        const body = command.amount === undefined ? { idempotency_key } : { amount: command.amount, idempotency_key };
        return { type: 'INTENT_CREATED', id, response: await deps.api.createIntent(token, body) };
      }
      case 'confirm_payment':
      case 'answer_challenge': {
        const keys = deps.keys(sessionId);
        const body: ConfirmPaymentRequest = {
          intent_id: command.intentId,
          idempotency_key: command.kind === 'confirm_payment' ? keys.confirmKey(command.intentId) : keys.challengeKey(command.challengeId),
          ...(command.kind === 'confirm_payment'
            ? paymentFields(command.input)
            : { challenge: { challenge_id: command.challengeId, approve: command.approve } }),
        };
        const response = await deps.api.confirmPayment(token, body);
        if (response.status === 'failed') keys.rotateConfirmKey(command.intentId);
        // A completed session is single-use: nothing is left to resume.
        if (response.status === 'succeeded') deps.tokens?.forget(deps.secret);
        return { type: 'PAYMENT_RESULT', id, response };
      }
      case 'complete': {
        const response = await deps.api.complete(token);
        deps.tokens?.forget(deps.secret);
        return { type: 'COMPLETED', id, response };
      }
    }
  } catch (error) {
    return { type: 'REQUEST_FAILED', id, error: toFlowError(error, command, deps, sessionId) };
  }
}

/** Only when the browser keeps the token in the server's cookie do these calls carry credentials. */
function proofOptions(deps: EffectDeps): ProofOptions | undefined {
  return deps.tokens?.carrier === 'cookie' ? { proofCookie: true } : undefined;
}

function paymentFields(input: PaymentInput): Partial<ConfirmPaymentRequest> {
  switch (input.kind) {
    case 'card':
      return { card: input.card, save_card: input.saveCard };
    case 'saved':
      return { payment_method_id: input.paymentMethodId };
    case 'stripe':
      return { stripe_payment_intent_id: input.paymentIntentId, save_card: input.saveCard };
  }
}

const DEFINITIVE_PAYMENT_CODES = new Set(['card_declined', 'insufficient_funds', 'authentication_failed', 'invalid_card']);

function toFlowError(error: unknown, command: IssuedCommand, deps: EffectDeps, sessionId: string): FlowError {
  if (!(error instanceof FlowApiError)) return { code: 'internal' };
  if (
    (command.kind === 'confirm_payment' || command.kind === 'answer_challenge') &&
    DEFINITIVE_PAYMENT_CODES.has(error.code)
  ) {
    deps.keys(sessionId).rotateConfirmKey(command.intentId);
    return { code: error.code, message: error.message };
  }
  const out: FlowError = { code: error.code };
  if (error.retryAfter !== undefined) out.retryAfter = error.retryAfter;
  return out;
}
