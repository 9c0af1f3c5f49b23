import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../contract/errors';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_request: 400,
  invalid_phone: 400,
  invalid_wallet_details: 400,
  invalid_card: 400,
  amount_out_of_range: 400,
  code_invalid: 400,
  code_expired: 400,
  code_attempts_exceeded: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_mismatch: 403,
  not_found: 404,
  session_not_found: 404,
  conflict: 409,
  session_used: 409,
  payment_in_progress: 409,
  session_expired: 410,
  rate_limited: 429,
  internal: 500,
};

/** A failure the API answers on purpose, with a code from the contract. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly retryAfter: number | undefined;
  constructor(code: ErrorCode, message: string, options: { status?: ContentfulStatusCode; retryAfter?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? STATUS[code] ?? 400;
    this.retryAfter = options.retryAfter;
  }
}

export function invalid(message: string): ApiError {
  return new ApiError('invalid_request', message);
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError('not_found', `No ${what} with id '${id.slice(0, 64)}'.`);
}

/** Renders any thrown value as an ErrorBody; unknown errors never leak their message or stack. */
export function errorResponse(c: Context, err: unknown, onInternal?: (err: unknown) => void): Response {
  if (err instanceof ApiError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.retryAfter !== undefined) {
      body.error.retry_after = err.retryAfter;
      c.header('Retry-After', String(err.retryAfter));
    }
    return c.json(body, err.status);
  }
  onInternal?.(err);
  const body: ErrorBody = { error: { code: 'internal', message: 'The sandbox hit an unexpected error.' } };
  return c.json(body, 500);
}
