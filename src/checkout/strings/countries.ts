export interface CountryOption {
  /** ISO 3166 region code, "DE". */
  region: string;
  /** The name in the checkout's language, "Deutschland". */
  name: string;
  englishName: string;
  /** The calling code as given, "+49". */
  dialCode?: string;
}

export interface CountryExtras {
  /** Calling codes by region ("DE" -> "+49"). */
  dialCodes?: ReadonlyMap<string, string>;
  /** English names by region, when the caller has them already (saves an Intl.DisplayNames). */
  englishNames?: ReadonlyMap<string, string>;
}

// Made once per locale: creating either costs tens of milliseconds in a fresh renderer.
const displayNames = new Map<string, Intl.DisplayNames>();
const collators = new Map<string, Intl.Collator>();

function regionNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names;
}

function collator(locale: string): Intl.Collator {
  let compare = collators.get(locale);
  if (!compare) {
    compare = new Intl.Collator(locale);
    collators.set(locale, compare);
  }
  return compare;
}

/**
 * The regions named in the locale and sorted as the locale sorts ("Österreich" among the O's in
 * German). The regions and calling codes come from the caller, which has them already.
 */
export function countryOptions(locale: string, regions: readonly string[], extras: CountryExtras = {}): CountryOption[] {
  const local = regionNames(locale);
  const english = extras.englishNames ? undefined : regionNames('en');
  const options = regions.map((region): CountryOption => {
    const dialCode = extras.dialCodes?.get(region);
    return {
      region,
      name: local.of(region) ?? region,
      englishName: extras.englishNames?.get(region) ?? english?.of(region) ?? region,
      ...(dialCode === undefined ? {} : { dialCode }),
    };
  });
  const order = collator(locale);
  return options.sort((a, b) => order.compare(a.name, b.name));
}

/** Letters that carry no combining mark to strip but that people type without their stroke. */
const FOLDED: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', đ: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th' };

/** Lower case, no accents, ASCII digits: "Österreich" -> "osterreich", "＋４９" -> "+49", "٤٩" -> "49". */
function fold(text: string, locale: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase(locale)
    .replace(/[ßłøđıæœþ]/g, (letter) => FOLDED[letter] ?? letter)
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.codePointAt(0)! - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.codePointAt(0)! - 0x06f0))
    .trim();
}

/**
 * Whether a search box's text finds the country: part of its name in the checkout's language
 * or in English, its region code, or the start of its calling code ("+49", "49"); case and
 * accents do not matter.
 */
export function matchesCountry(option: CountryOption, query: string, locale: string): boolean {
  const q = fold(query, locale);
  if (q === '') return true;
  if (/^\+?[\d\s]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    return option.dialCode?.replace(/\D/g, '').startsWith(digits) ?? false;
  }
  return fold(option.name, locale).includes(q) || fold(option.englishName, 'en').includes(q) || option.region.toLowerCase() === q;
}
