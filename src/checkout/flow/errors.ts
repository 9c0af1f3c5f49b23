import type { ErrorCode } from '../../contract';

/** Codes after which the session cannot go on: the failure screen, and an error to the host. */
const FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'session_not_found',
  'session_expired',
  'session_used',
  'origin_mismatch',
  'unauthorized',
  'forbidden',
  'invalid_token',
]);

export function isFatal(code: ErrorCode): boolean {
  return FATAL.has(code);
}
