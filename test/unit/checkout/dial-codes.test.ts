import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES } from '../../../src/checkout/steps/phone/country-names';
import { DIAL_CODES, MAIN_REGIONS } from '../../../src/checkout/steps/phone/dial-codes';

describe('dial codes drawn before libphonenumber loads', () => {
  it('list exactly the regions and calling codes of libphonenumber-js min metadata', () => {
    const library = getCountries().map((code) => ({ code, dial: `+${getCountryCallingCode(code)}` }));
    expect(DIAL_CODES).toEqual(library);
  });

  it('name, for each calling code regions share, the main region libphonenumber gives it', () => {
    const shared = Object.entries(metadata.country_calling_codes).filter(([, regions]) => regions.length > 1);
    expect(MAIN_REGIONS).toEqual(Object.fromEntries(shared.map(([code, regions]) => [`+${code}`, regions[0]])));
  });
});

describe('country names drawn without Intl.DisplayNames', () => {
  it('name every region of the dial-code table once, in alphabetical order', () => {
    expect(COUNTRY_NAMES.map(([code]) => code).sort()).toEqual(DIAL_CODES.map((entry) => entry.code).sort());
    const names = COUNTRY_NAMES.map(([, name]) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(Object.fromEntries(COUNTRY_NAMES)).toMatchObject({ US: 'United States', GB: 'United Kingdom', DE: 'Germany' });
  });
});
