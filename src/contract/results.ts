import type { ErrorCode } from './errors';
import type { Step } from './events';

/** One `open()` (or `mount()`) attempt's id, and the place of an event or result in its order (from 1). */
export interface AttemptStamp {
  attemptId: string;
  seq: number;
}

/** How an open attempt (or a session, asked later) ended. Never personal data. */
export type CheckoutResult =
  | { status: 'success'; connectionId: string; checkoutSessionId: string; attemptId?: string }
  | { status: 'cancel'; checkoutSessionId: string; attemptId?: string }
  | { status: 'error'; code: ErrorCode; message: string; checkoutSessionId?: string; attemptId?: string };

/** What `getResult(token)` answers: the result, or where a session still in progress stands. */
export type SessionResult = CheckoutResult | { status: 'open'; step: Step; checkoutSessionId: string };

/**
 * POST {base}api/checkout/result, the session secret in the body (`{"secret": "..."}`, sent as
 * text/plain so a browser makes no preflight) or in `Authorization: Bearer`; never in the URL.
 * CORS answers only the session's own origin.
 */
export const RESULT_PATH = 'api/checkout/result';
