import { RESULT_PATH, type SessionResult } from '../contract/results';
import { decodeToken } from '../contract/token';
import { fake } from './fake';

/**
 * Ask the checkout origin what became of a session (after a reload, or when the customer closed
 * the tab as the payment went through). Never rejects: a failure to ask answers an error result.
 */
export async function getResult(token: string): Promise<SessionResult> {
  const hook = fake();
  if (hook) return hook();
  try {
    const { secret, base } = decodeToken(token);
    // text/plain body: a simple request (no preflight); the secret never goes in the URL.
    const response = await fetch(base + RESULT_PATH, { method: 'POST', body: JSON.stringify({ secret }), credentials: 'omit' });
    return await response.json();
  } catch (error) {
    return { status: 'error', code: (error as { code?: 'invalid_token' }).code ?? 'network', message: String(error) };
  }
}
