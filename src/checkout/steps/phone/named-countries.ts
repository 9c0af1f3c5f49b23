import type { CountryCode } from 'libphonenumber-js/min';
import type { CountryOption } from './countries';
import { COUNTRY_NAMES } from './country-names';
import { DIAL_CODES } from './dial-codes';

// The countries by name: a chunk of its own, fetched after the phone step's first paint (the
// English names are 2 kB gzip the first paint does without: the country button shows the region
// code and calling code, and is named by region code until this arrives).

let english: CountryOption[] | null = null;

/** Every country libphonenumber knows, named in English, sorted by name (tables, no Intl work). */
export function countryOptions(): CountryOption[] {
  if (english) return english;
  const dial = new Map(DIAL_CODES.map((entry) => [entry.code, entry.dial]));
  english = COUNTRY_NAMES.map(([code, name]) => ({ code: code as CountryCode, name, english: name, dial: dial.get(code) ?? '' }));
  return english;
}

const localized = new Map<string, CountryOption[]>();

/**
 * Every country named in `locale` (Intl.DisplayNames; English where the engine has no name) and
 * sorted as that language sorts (Intl.Collator). English and the pseudo-locale get the table.
 * Creating Intl.DisplayNames costs 45-160 ms in a fresh renderer: call this after first paint.
 */
export function localizedCountries(locale: string): CountryOption[] {
  if (/^en(?:-|$)/i.test(locale)) return countryOptions();
  const known = localized.get(locale);
  if (known) return known;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
  } catch {
    // An engine without DisplayNames, or without this locale: English names.
  }
  const collator = new Intl.Collator(locale);
  const list = countryOptions()
    .map((option) => {
      const name = names?.of(option.code);
      return name && name !== option.code ? { ...option, name } : option;
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  localized.set(locale, list);
  return list;
}
