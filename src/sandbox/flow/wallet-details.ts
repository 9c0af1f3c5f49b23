import type { CreateWalletRequest } from '../../contract/flow-api';
import { ApiError } from '../http/errors';

// Pragmatic address check (one @, a dot in the domain, no spaces), like most sign-up forms.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function name(body: Record<string, unknown>, key: 'first_name' | 'last_name', label: string): string {
  const value = body[key];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) throw new ApiError('invalid_wallet_details', `Enter your ${label}.`);
  if (trimmed.length > 80 || CONTROL.test(trimmed)) {
    throw new ApiError('invalid_wallet_details', `Your ${label} must be at most 80 plain characters.`);
  }
  return trimmed;
}

/** First name, last name and email, trimmed; invalid_wallet_details naming the field otherwise. */
export function validateWalletDetails(body: Record<string, unknown>): CreateWalletRequest {
  const first_name = name(body, 'first_name', 'first name');
  const last_name = name(body, 'last_name', 'last name');
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (!EMAIL.test(email) || email.length > 254) {
    throw new ApiError('invalid_wallet_details', 'Enter a valid email address, e.g. you@example.com.');
  }
  return { first_name, last_name, email: email.toLowerCase() };
}
