import type { FlowError } from '../flow/types';
import { type Strings, useStrings } from '../strings';

/** The words for a flow error: the processor's own reason for card failures, the catalog otherwise. */
export function errorText(strings: Strings, error: FlowError): string {
  if (error.code === 'rate_limited' && error.retryAfter) return strings.rateLimitedFor(error.retryAfter);
  if (error.message && isProcessorReason(error.code)) return error.message;
  return strings.errors[error.code];
}

function isProcessorReason(code: FlowError['code']): boolean {
  return code === 'card_declined' || code === 'insufficient_funds' || code === 'authentication_failed' || code === 'invalid_card';
}

/** A step-level error, announced when it appears. */
export function ErrorMessage({ error, id }: { error: FlowError | null; id?: string }) {
  const strings = useStrings();
  return (
    <div id={id} className="lava-alert" role="alert">
      {error ? errorText(strings, error) : null}
    </div>
  );
}
