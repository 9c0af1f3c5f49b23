import type { CountryOption } from './countries';

/** Lower case without accents: "Côte" is found by "cote", "Türkiye" by "turkiye". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const searchKeys = new WeakMap<CountryOption, string[]>();

function keysOf(option: CountryOption): string[] {
  let keys = searchKeys.get(option);
  if (!keys) {
    keys = option.name === option.english ? [fold(option.name)] : [fold(option.name), fold(option.english)];
    searchKeys.set(option, keys);
  }
  return keys;
}

/**
 * The countries a search finds, best first: by region code ("de"), calling code ("+49" or
 * "49"), or a part of the name in the customer's language or in English (in German, "deu" and
 * "germ" both find Deutschland). Exact codes first, then names that start with the search.
 */
export function filterCountries(options: CountryOption[], query: string): CountryOption[] {
  const q = fold(query.trim());
  if (!q) return options;
  const digits = /^\+?[\d\s]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const ranked: [number, CountryOption][] = [];
  for (const option of options) {
    const dial = option.dial.slice(1);
    let rank = -1;
    if (digits) {
      if (dial === digits) rank = 0;
      else if (dial.startsWith(digits)) rank = 1;
    } else if (option.code.toLowerCase() === q) {
      rank = 0;
    } else {
      const keys = keysOf(option);
      if (keys.some((key) => key.startsWith(q))) rank = 1;
      else if (keys.some((key) => key.includes(q))) rank = 2;
    }
    if (rank >= 0) ranked.push([rank, option]);
  }
  // Stable: within a rank, the list's own (collated) order.
  return ranked.sort((a, b) => a[0] - b[0]).map(([, option]) => option);
}
