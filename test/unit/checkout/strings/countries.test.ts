import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES } from '../../../../src/checkout/steps/phone/country-names';
import { DIAL_CODES } from '../../../../src/checkout/steps/phone/dial-codes';
import { type CountryOption, countryOptions, matchesCountry } from '../../../../src/checkout/strings/countries';

const regions = DIAL_CODES.map((entry) => entry.code);
const dialCodes = new Map(DIAL_CODES.map((entry) => [entry.code, entry.dial]));

function find(options: CountryOption[], query: string, locale: string): string[] {
  return options.filter((option) => matchesCountry(option, query, locale)).map((option) => option.region);
}

describe('countryOptions', () => {
  it('given German, then names in German, English beside them, calling codes kept', () => {
    const germany = countryOptions('de', ['DE'], { dialCodes }).find((option) => option.region === 'DE');
    expect(germany).toEqual({ region: 'DE', name: 'Deutschland', englishName: 'Germany', dialCode: '+49' });
  });

  it('given German, then sorted as German sorts, Österreich among the O’s', () => {
    const names = countryOptions('de', ['US', 'AT', 'FR', 'DE', 'NO']).map((option) => option.name);
    expect(names).toEqual(['Deutschland', 'Frankreich', 'Norwegen', 'Österreich', 'Vereinigte Staaten']);
  });

  it('given no calling codes, then options without one', () => {
    expect(countryOptions('fr', ['FR'])).toEqual([{ region: 'FR', name: 'France', englishName: 'France' }]);
  });

  it('given English names from the caller, then those are used', () => {
    const englishNames = new Map(COUNTRY_NAMES.map(([region, name]) => [region, name]));
    const options = countryOptions('ja', regions, { dialCodes, englishNames });
    expect(options).toHaveLength(regions.length);
    expect(options.find((option) => option.region === 'TR')?.englishName).toBe('Türkiye');
    expect(options.every((option) => option.name !== '' && option.dialCode?.startsWith('+'))).toBe(true);
  });
});

describe('matchesCountry', () => {
  const german = countryOptions('de', regions, { dialCodes });

  it.each([
    ['deutsch', 'DE'],
    ['DEUTSCHLAND', 'DE'],
    ['germany', 'DE'],
    ['Germ', 'DE'],
    ['+49', 'DE'],
    ['49', 'DE'],
    ['osterreich', 'AT'],
    ['Österreich', 'AT'],
    ['austria', 'AT'],
    ['at', 'AT'],
    ['+43', 'AT'],
    ['turkiye', 'TR'],
    ['cote d', 'CI'],
  ])('given German names and the query %j, then %s is found', (query, region) => {
    expect(find(german, query, 'de')).toContain(region);
  });

  it('given the start of a calling code, then every country it begins', () => {
    expect(find(german, '+4', 'de')).toEqual(expect.arrayContaining(['DE', 'AT', 'GB', 'CH']));
    expect(find(german, '+4', 'de')).not.toContain('FR');
  });

  it('given a calling code typed in full-width or Arabic-Indic digits, then it is found', () => {
    expect(find(german, '＋４９', 'de')).toContain('DE');
    const arabic = countryOptions('ar', ['EG', 'SA'], { dialCodes });
    expect(find(arabic, '٢٠', 'ar')).toEqual(['EG']);
  });

  it('given a query nothing matches, then nothing; given an empty one, then everything', () => {
    expect(find(german, 'xyzzy', 'de')).toEqual([]);
    expect(find(german, '  ', 'de')).toHaveLength(german.length);
  });

  it('given Polish names, then ł, which has no mark to strip, is found as l', () => {
    const polish = countryOptions('pl', ['IT', 'DE']);
    expect(polish.find((option) => option.region === 'IT')?.name).toBe('Włochy');
    expect(find(polish, 'wlochy', 'pl')).toEqual(['IT']);
  });

  it('given Japanese names, then found by the Japanese and by the English name', () => {
    const japanese = countryOptions('ja', ['DE', 'JP'], { dialCodes });
    expect(find(japanese, 'ドイツ', 'ja')).toEqual(['DE']);
    expect(find(japanese, 'germany', 'ja')).toEqual(['DE']);
  });
});
