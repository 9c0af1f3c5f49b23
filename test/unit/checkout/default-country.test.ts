import { describe, expect, it } from 'vitest';
import { defaultCountry } from '../../../src/checkout/steps/phone/countries';

describe('defaultCountry', () => {
  it('takes the region of a tag that names one', () => {
    expect(defaultCountry('en-GB')).toBe('GB');
    expect(defaultCountry('pt-PT')).toBe('PT');
    expect(defaultCountry('de-at')).toBe('AT');
    expect(defaultCountry('zh-Hant-TW')).toBe('TW');
    expect(defaultCountry('es-MX-u-ca-gregory')).toBe('MX');
  });

  it('answers what Intl.Locale#maximize answers for every bare language in its table', () => {
    for (const language of ['fr', 'de', 'ja', 'pt', 'sv', 'ko', 'it', 'nl', 'pl', 'ru', 'tr', 'uk', 'vi', 'zh', 'cs', 'da', 'fi', 'he', 'hi', 'hu', 'id', 'nb', 'ro', 'th', 'el', 'ar', 'es']) {
      expect(defaultCountry(language), language).toBe(new Intl.Locale(language).maximize().region);
    }
  });

  it('falls back to US for no tag, a bare language without a table entry, a numeric region or garbage', () => {
    expect(defaultCountry(undefined)).toBe('US');
    expect(defaultCountry('en')).toBe('US');
    expect(defaultCountry('tlh')).toBe('US');
    expect(defaultCountry('es-419')).toBe('US');
    expect(defaultCountry('not a tag')).toBe('US');
    expect(defaultCountry('en-ZZ')).toBe('US');
  });
});
