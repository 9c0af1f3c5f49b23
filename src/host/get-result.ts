import { RESULT_PATH, type SessionResult } from '../contract/results';
import { decodeTrustedToken } from '../contract/token';
import { fake } from './fake';
import type { CheckoutOrigins } from './types';

/**
 * Ask the checkout origin what became of a session (after a reload, or when the customer closed
 * the tab as the payment went through). Never rejects: a failure to ask answers an error result.
 * The token's checkout origin must be trusted (see `checkoutOrigins`), or nothing is fetched.
 */
export async function getResult(token: string, options: CheckoutOrigins = {}): Promise<SessionResult> {
  const hook = fake();
  if (hook) return hook();
  try {
    const { secret, base } = decodeTrustedToken(token, options.checkoutOrigins);
    // text/plain body: a simple request (no preflight); the secret never goes in the URL.
    const response = await fetch(base + RESULT_PATH, { method: 'POST', body: JSON.stringify({ secret }), credentials: 'omit' });
    return await response.json();
  } catch (error) {
    return { status: 'error', code: (error as { code?: 'invalid_token' }).code ?? 'network', message: String(error) };
  }
}
