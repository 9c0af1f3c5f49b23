import type { CountryCode } from 'libphonenumber-js/min';
import { COUNTRY_NAMES } from './country-names';
import { DIAL_CODES } from './dial-codes';

export interface CountryOption {
  code: CountryCode;
  name: string;
  dial: string;
}

let cache: CountryOption[] | null = null;

/** Every country libphonenumber knows, named in English, sorted by name (tables, no Intl work). */
export function countryOptions(): CountryOption[] {
  if (cache) return cache;
  const dial = new Map(DIAL_CODES.map((entry) => [entry.code, entry.dial]));
  cache = COUNTRY_NAMES.map(([code, name]) => ({ code: code as CountryCode, name, dial: dial.get(code) ?? '' }));
  return cache;
}

/** The region of a BCP 47 tag ("en-GB" -> "GB") when libphonenumber knows it, else US. */
export function defaultCountry(language: string | undefined): CountryCode {
  const known = new Set<string>(DIAL_CODES.map((entry) => entry.code));
  let region: string | undefined;
  try {
    region = language ? new Intl.Locale(language).maximize().region : undefined;
  } catch {
    region = undefined;
  }
  return region && known.has(region) ? (region as CountryCode) : 'US';
}

export function filterCountries(options: CountryOption[], query: string): CountryOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options;
  const digits = q.replace(/[^\d]/g, '');
  return options.filter(
    (option) =>
      option.name.toLowerCase().includes(q) || option.code.toLowerCase() === q || (digits !== '' && option.dial.slice(1).startsWith(digits)),
  );
}
