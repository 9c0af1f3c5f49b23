import type { Session } from '../flow/types';

/** Test numbers and cards only work on the sandbox processor or a Stripe test key. */
export function isTestMode(session: Session | null): boolean {
  if (!session) return false;
  return session.processor.kind === 'sandbox' || session.processor.publishable_key.startsWith('pk_test_');
}
