import type { CreateWalletRequest } from '../../../contract';

export type WalletField = keyof CreateWalletRequest;
export type WalletProblems = Partial<Record<WalletField, 'required' | 'invalid'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Trimmed details, or what is wrong with each field. */
export function checkWallet(input: CreateWalletRequest): { ok: true; details: CreateWalletRequest } | { ok: false; problems: WalletProblems } {
  const details = { first_name: input.first_name.trim(), last_name: input.last_name.trim(), email: input.email.trim() };
  const problems: WalletProblems = {};
  if (!details.first_name) problems.first_name = 'required';
  if (!details.last_name) problems.last_name = 'required';
  if (!EMAIL.test(details.email) || details.email.length > 254) problems.email = 'invalid';
  return Object.keys(problems).length === 0 ? { ok: true, details } : { ok: false, problems };
}
