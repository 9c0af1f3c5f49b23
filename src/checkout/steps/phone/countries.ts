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

export function filterCountries(options: CountryOption[], query: string): CountryOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options;
  const digits = q.replace(/[^\d]/g, '');
  return options.filter(
    (option) =>
      option.name.toLowerCase().includes(q) || option.code.toLowerCase() === q || (digits !== '' && option.dial.slice(1).startsWith(digits)),
  );
}
