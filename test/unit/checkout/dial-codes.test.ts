import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { DIAL_CODES } from '../../../src/checkout/steps/phone/dial-codes';

describe('dial codes drawn before libphonenumber loads', () => {
  it('list exactly the regions and calling codes of libphonenumber-js min metadata', () => {
    const library = getCountries().map((code) => ({ code, dial: `+${getCountryCallingCode(code)}` }));
    expect(DIAL_CODES).toEqual(library);
  });
});
