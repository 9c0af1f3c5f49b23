import { type FlowApi, FlowApiError } from '../../../src/checkout/api/client';
import type { CheckoutMode, ConfirmPaymentRequest, ConfirmPaymentResponse, ErrorCode, StartResponse } from '../../../src/contract';
import { intentFor, knownWallet, newWallet, sessionFor } from './fixtures';

type Method = keyof FlowApi;
/** What a method answers: a value, a coded failure, nothing ever (the request stays busy), or the sandbox-like default. */
export type Answer<T> = T | { fail: ErrorCode; message?: string; retryAfter?: number } | 'hang' | 'default';

export type Script = { [M in Method]?: Answer<Awaited<ReturnType<FlowApi[M]>>> | Array<Answer<Awaited<ReturnType<FlowApi[M]>>>> };

export interface FakeFlowApi extends FlowApi {
  /** Every call, in order, with the method's name. */
  calls: Array<{ method: Method; args: unknown[] }>;
}

export interface FakeApiOptions {
  mode?: CheckoutMode;
  session?: StartResponse;
  /** Does the verified number already have a wallet? */
  walletExists?: boolean;
  /** Per-method answers; an array is consumed one answer per call, the last one repeating. */
  script?: Script;
}

/**
 * The flow API without a server. By default every call succeeds the way the sandbox would, and
 * sandbox test cards behave like the sandbox processor (…0002 declines, …3155 asks for 3-D Secure).
 */
export function fakeFlowApi(options: FakeApiOptions = {}): FakeFlowApi {
  const mode = options.mode ?? options.session?.mode ?? 'subscription';
  const session = options.session ?? sessionFor(mode);
  const calls: FakeFlowApi['calls'] = [];
  const used = new Map<Method, number>();

  function scripted(method: Method): unknown {
    const entry: unknown = options.script?.[method];
    if (!Array.isArray(entry)) return entry;
    const n = used.get(method) ?? 0;
    used.set(method, n + 1);
    return entry[Math.min(n, entry.length - 1)];
  }

  function answer<M extends Method>(method: M, args: unknown[], fallback: () => Awaited<ReturnType<FlowApi[M]>>): Promise<Awaited<ReturnType<FlowApi[M]>>> {
    calls.push({ method, args });
    const planned = scripted(method);
    if (planned === 'hang') return new Promise(() => {});
    if (isFailure(planned)) {
      return Promise.reject(new FlowApiError(planned.fail, planned.message ?? planned.fail, 400, planned.retryAfter));
    }
    return Promise.resolve(planned === undefined || planned === 'default' ? fallback() : (planned as Awaited<ReturnType<FlowApi[M]>>));
  }

  return {
    calls,
    start: (...args) => answer('start', args, () => session),
    sendCode: (...args) =>
      answer('sendCode', args, () => ({ phone_masked: '+1 •••• ••00', resend_after: 0, expires_in: 600 })),
    verifyCode: (...args) => answer('verifyCode', args, () => (options.walletExists ? knownWallet : newWallet)),
    createWallet: (...args) => answer('createWallet', args, () => ({ connection_id: 'conn_story_1', created: true })),
    linkWallet: (...args) => answer('linkWallet', args, () => ({ connection_id: 'conn_story_1', created: false })),
    state: (...args) => answer('state', args, () => session.progress),
    createIntent: (...args) => answer('createIntent', args, () => intentFor(mode)),
    confirmPayment: (...args) => answer('confirmPayment', args, () => sandboxOutcome(args[1], session.checkout_session_id)),
    complete: (...args) =>
      answer('complete', args, () => ({ connection_id: 'conn_story_1', checkout_session_id: session.checkout_session_id })),
  };
}

function sandboxOutcome(body: ConfirmPaymentRequest, checkoutSessionId: string): ConfirmPaymentResponse {
  const succeeded: ConfirmPaymentResponse = {
    status: 'succeeded',
    connection_id: 'conn_story_1',
    checkout_session_id: checkoutSessionId,
    charge_id: 'ch_story_1',
  };
  if (body.challenge) {
    return body.challenge.approve
      ? succeeded
      : { status: 'failed', code: 'authentication_failed', message: 'The bank could not confirm this payment (sandbox).' };
  }
  const number = body.card?.number.replace(/\D/g, '') ?? '';
  if (number === '4000000000000002') return { status: 'failed', code: 'card_declined', message: 'Your card was declined (sandbox).' };
  if (number === '4000000000009995') {
    return { status: 'failed', code: 'insufficient_funds', message: 'Your card has insufficient funds (sandbox).' };
  }
  if (number === '4000002500003155') return { status: 'requires_action', challenge_id: 'chal_story_1' };
  return succeeded;
}

function isFailure(value: unknown): value is { fail: ErrorCode; message?: string; retryAfter?: number } {
  return typeof value === 'object' && value !== null && 'fail' in value;
}
