import type { CountryCode } from 'libphonenumber-js/min';
import { DIAL_CODES, MAIN_REGIONS } from './dial-codes';

export interface CountryOption {
  code: CountryCode;
  /** In the customer's language (English in `countryOptions`, named-countries.ts). */
  name: string;
  /** In English: found by search in every language. */
  english: string;
  dial: string;
}

/** The calling code of a region ("DE" -> "+49"), from the table in the first chunk; "" when unknown. */
export function dialOf(code: CountryCode): string {
  return DIAL_CODES.find((entry) => entry.code === code)?.dial ?? '';
}

/** Where a bare language is most often spoken, for tags without a region ("fr" -> FR). */
const LANGUAGE_REGIONS: Record<string, string> = {
  ar: 'EG', cs: 'CZ', da: 'DK', de: 'DE', el: 'GR', es: 'ES', fi: 'FI', fr: 'FR', he: 'IL', hi: 'IN', hu: 'HU',
  id: 'ID', it: 'IT', ja: 'JP', ko: 'KR', nb: 'NO', nl: 'NL', no: 'NO', pl: 'PL', pt: 'BR', ro: 'RO', ru: 'RU',
  sv: 'SE', th: 'TH', tr: 'TR', uk: 'UA', vi: 'VN', zh: 'CN',
};

/** language[-Script][-REGION]: the region subtag (two letters, or three digits for an area). */
const TAG_REGION = /^([a-z]{2,3})(?:-[a-z]{4})?(?:-([a-z]{2}|\d{3}))?(?:-|$)/i;

/**
 * The country a BCP 47 tag points at ("en-GB" -> GB, "fr" -> FR) when libphonenumber knows it,
 * else US. Read from the tag and a small table: `Intl.Locale#maximize` gives the same answers
 * but loads ICU's likely-subtags data, 30-45 ms in a fresh renderer on the phone step's first
 * render.
 */
export function defaultCountry(language: string | undefined): CountryCode {
  const match = language ? TAG_REGION.exec(language) : null;
  const region = match ? (match[2]?.toUpperCase() ?? LANGUAGE_REGIONS[match[1]!.toLowerCase()]) : undefined;
  return region && DIAL_CODES.some((entry) => entry.code === region) ? (region as CountryCode) : 'US';
}

/** The calling code a number typed as "+…" starts with ("+44 20…" -> "+44"), or null. */
export function callingCodeOf(typed: string): string | null {
  const text = typed.trim();
  if (!text.startsWith('+')) return null;
  const digits = text.replace(/\D/g, '');
  // Calling codes are 1-3 digits and none is the start of another (E.164).
  for (let length = Math.min(3, digits.length); length > 0; length--) {
    const dial = `+${digits.slice(0, length)}`;
    if (DIAL_CODES.some((entry) => entry.dial === dial)) return dial;
  }
  return null;
}

/**
 * The country of a number typed with its calling code, from the code alone: `current` when it
 * has that code (+1 keeps Canada), else the code's main country (+1 -> US, +44 -> GB). Null
 * without a "+" and a code.
 */
export function countryOfCallingCode(typed: string, current: CountryCode): CountryCode | null {
  const dial = callingCodeOf(typed);
  if (!dial) return null;
  const regions = DIAL_CODES.filter((entry) => entry.dial === dial);
  if (regions.some((entry) => entry.code === current)) return current;
  return (MAIN_REGIONS[dial] ?? regions[0]!.code) as CountryCode;
}
