/**
 * Every failure the checkout can report, on either side of the iframe and over HTTP.
 * Callers switch on `code`; `message` is for people.
 */
export const ERROR_CODES = [
  // host SDK
  'invalid_token',
  'load_timeout',
  'already_open',
  // session lifecycle
  'session_not_found',
  'session_expired',
  'session_used',
  'origin_mismatch',
  // transport
  'network',
  // request validation / auth (REST + flow API)
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  // identity
  'invalid_phone',
  'code_invalid',
  'code_expired',
  'code_attempts_exceeded',
  'invalid_wallet_details',
  // payment
  'card_declined',
  'insufficient_funds',
  'authentication_required',
  'authentication_failed',
  'invalid_card',
  'amount_out_of_range',
  'payment_in_progress',
  // anything else: a bug on our side
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const codeSet: ReadonlySet<string> = /* @__PURE__ */ new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && codeSet.has(value);
}

/** The JSON body of every non-2xx answer from the sandbox (REST and flow API). */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Seconds to wait before retrying (rate_limited). */
    retry_after?: number;
  };
}

/** A coded error thrown at the public API surface. */
export class LavaCheckoutError extends Error {
  declare readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'LavaCheckoutError';
    this.code = code;
  }
}
