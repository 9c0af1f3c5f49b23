import { AsYouType, type CountryCode, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';

export type PhoneCheck =
  | { ok: true; e164: string }
  | { ok: false; reason: 'required' | 'too_short' | 'too_long' | 'invalid_for_country' };

/** Format what has been typed so far, in the selected country's style. */
export function formatAsYouType(input: string, country: CountryCode): string {
  return new AsYouType(input.trim().startsWith('+') ? undefined : country).input(input);
}

/** Decide whether the typed number can be submitted, and as what E.164 string. */
export function checkPhone(input: string, country: CountryCode): PhoneCheck {
  if (input.replace(/\D/g, '') === '') return { ok: false, reason: 'required' };
  const length = validatePhoneNumberLength(input, country);
  if (length === 'TOO_SHORT' || length === 'NOT_A_NUMBER') return { ok: false, reason: 'too_short' };
  if (length === 'TOO_LONG') return { ok: false, reason: 'too_long' };
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isValid()) return { ok: false, reason: 'invalid_for_country' };
  return { ok: true, e164: parsed.number };
}

/** The country a number typed with its calling code belongs to, once its digits say ("+1 416 555 0100" -> CA). */
export function countryOfNumber(input: string): CountryCode | undefined {
  if (!input.trim().startsWith('+')) return undefined;
  const typing = new AsYouType();
  typing.input(input);
  return typing.getCountry();
}
