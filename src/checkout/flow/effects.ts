import type { ConfirmPaymentRequest } from '../../contract';
import { type FlowApi, FlowApiError } from '../api/client';
import type { IdempotencyKeys } from './idempotency';
import type { FlowError, FlowEvent, FlowState, IssuedCommand, PaymentInput } from './types';

export interface EffectDeps {
  api: FlowApi;
  /** The session secret, held here and never in state. */
  secret: string;
  parentOrigin: string | null;
  keys: (checkoutSessionId: string) => IdempotencyKeys;
}

/** Perform one command and describe its answer as an event. Never throws. */
export async function runCommand(command: IssuedCommand, state: FlowState, deps: EffectDeps): Promise<FlowEvent> {
  const id = command.id;
  const token = state.flowToken ?? '';
  const sessionId = state.session?.checkout_session_id ?? '';
  try {
    switch (command.kind) {
      case 'start':
        return { type: 'STARTED', id, response: await deps.api.start({ secret: deps.secret, parent_origin: deps.parentOrigin }) };
      case 'send_code':
        return { type: 'CODE_SENT', id, response: await deps.api.sendCode(token, command.phone) };
      case 'verify_code':
        return { type: 'CODE_VERIFIED', id, response: await deps.api.verifyCode(token, command.code) };
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
        return { type: 'PAYMENT_RESULT', id, response };
      }
      case 'complete':
        return { type: 'COMPLETED', id, response: await deps.api.complete(token) };
    }
  } catch (error) {
    return { type: 'REQUEST_FAILED', id, error: toFlowError(error, command, deps, sessionId) };
  }
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
