import {
  type CompleteResponse,
  type ConfirmPaymentRequest,
  type ConfirmPaymentResponse,
  type CreateWalletRequest,
  type ErrorCode,
  FLOW_API_PREFIX,
  isErrorCode,
  type PaymentIntentRequest,
  type PaymentIntentResponse,
  type SendCodeResponse,
  type StartRequest,
  type StartResponse,
  type StateResponse,
  type VerifyCodeResponse,
  type WalletResponse,
} from '../../contract';

/** A failed flow-API call, carrying the server's code (or `network` when no answer came). */
export class FlowApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryAfter: number | undefined;
  constructor(code: ErrorCode, message: string, status: number, retryAfter?: number) {
    super(message);
    this.name = 'FlowApiError';
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/**
 * `proofCookie`: the browser keeps the verified flow token in the server's partitioned cookie (the
 * frame may not use storage), so start sends it and verify lets it be set. Every other call, and
 * these otherwise, go without credentials.
 */
export interface ProofOptions {
  proofCookie?: boolean;
}

export interface FlowApi {
  start(body: StartRequest, options?: ProofOptions): Promise<StartResponse>;
  sendCode(token: string, phone: string): Promise<SendCodeResponse>;
  verifyCode(token: string, code: string, options?: ProofOptions): Promise<VerifyCodeResponse>;
  createWallet(token: string, body: CreateWalletRequest): Promise<WalletResponse>;
  linkWallet(token: string): Promise<WalletResponse>;
  state(token: string): Promise<StateResponse>;
  createIntent(token: string, body: PaymentIntentRequest): Promise<PaymentIntentResponse>;
  confirmPayment(token: string, body: ConfirmPaymentRequest): Promise<ConfirmPaymentResponse>;
  complete(token: string): Promise<CompleteResponse>;
}

export interface FlowApiOptions {
  /** The checkout origin; the API lives on the same origin as the app. */
  origin: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createFlowApi(options: FlowApiOptions): FlowApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 20_000;

  async function call<T>(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown, proof: ProofOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${options.origin}${FLOW_API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: proof.proofCookie ? 'same-origin' : 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new FlowApiError('network', 'The checkout server could not be reached.', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok && json !== null) return json as T;
    throw toError(response.status, json);
  }

  return {
    start: (body, options) => call('POST', '/start', null, body, options),
    sendCode: (token, phone) => call('POST', '/phone/send', token, { phone }),
    verifyCode: (token, code, options) => call('POST', '/phone/verify', token, { code }, options),
    createWallet: (token, body) => call('POST', '/wallet', token, body),
    linkWallet: (token) => call('POST', '/wallet/link', token, {}),
    state: (token) => call('GET', '/state', token),
    createIntent: (token, body) => call('POST', '/payment/intent', token, body),
    confirmPayment: (token, body) => call('POST', '/payment/confirm', token, body),
    complete: (token) => call('POST', '/complete', token, {}),
  };
}

function toError(status: number, json: unknown): FlowApiError {
  const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, retry_after } = error as Record<string, unknown>;
    if (isErrorCode(code)) {
      return new FlowApiError(
        code,
        typeof message === 'string' ? message : code,
        status,
        typeof retry_after === 'number' ? retry_after : undefined,
      );
    }
  }
  if (status === 0 || status >= 500) return new FlowApiError(status >= 500 ? 'internal' : 'network', `HTTP ${status}`, status);
  return new FlowApiError('internal', `Unexpected answer (HTTP ${status})`, status);
}
