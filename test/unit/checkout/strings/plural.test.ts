import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, loadCatalog } from '../../../../src/checkout/strings';
import { en } from '../../../../src/checkout/strings/en';
import { type PluralCategory, pluralFor } from '../../../../src/checkout/strings/plural';

const names = { zero: () => 'zero', one: () => 'one', two: () => 'two', few: () => 'few', many: () => 'many', other: () => 'other' };

describe('pluralFor', () => {
  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [11, 'many'],
    [100, 'other'],
  ])('given Arabic and %i, then the %s form', (count, form) => {
    expect(pluralFor('ar')(count, names)).toBe(form);
  });

  it.each([
    [1, 'one'],
    [2, 'few'],
    [5, 'many'],
    [22, 'few'],
    [25, 'many'],
    [1.5, 'other'],
  ])('given Polish and %s, then the %s form', (count, form) => {
    expect(pluralFor('pl')(count, names)).toBe(form);
  });

  it('given Japanese, then every count takes the one form it has', () => {
    const plural = pluralFor('ja');
    expect([0, 1, 2, 100].map((count) => plural(count, { other: (n) => `${n}秒` }))).toEqual(['0秒', '1秒', '2秒', '100秒']);
  });

  it('given English and German, then 1 is singular and 0 and 2 are plural', () => {
    for (const locale of ['en', 'de'] as const) {
      const plural = pluralFor(locale);
      expect([0, 1, 2].map((count) => plural(count, names))).toEqual(['other', 'one', 'other']);
    }
  });

  it('given a count, then the form receives it formatted for the locale', () => {
    expect(pluralFor('de')(1500, { one: (n) => n, other: (n) => n })).toBe('1.500');
    expect(pluralFor('en')(1500, { one: (n) => n, other: (n) => n })).toBe('1,500');
  });

  it('given an engine that picks a category the forms lack, then the other form', () => {
    const forms = { one: () => 'one', other: () => 'other' } as unknown as Parameters<ReturnType<typeof pluralFor<'he'>>>[1];
    expect(pluralFor('he')(2, forms)).toBe('other');
  });

  it('given each locale, then the categories the catalogs must write are the ones Intl.PluralRules has', () => {
    const expected: { [L in Locale]: PluralCategory<L>[] } = {
      en: ['one', 'other'],
      'en-XA': ['one', 'other'],
      es: ['one', 'many', 'other'],
      fr: ['one', 'many', 'other'],
      de: ['one', 'other'],
      it: ['one', 'many', 'other'],
      'pt-BR': ['one', 'many', 'other'],
      nl: ['one', 'other'],
      pl: ['one', 'few', 'many', 'other'],
      ja: ['other'],
      'zh-CN': ['other'],
      ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
      he: ['one', 'two', 'other'],
    };
    for (const [locale, categories] of Object.entries(expected)) {
      expect([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort(), locale).toEqual([...categories].sort());
    }
  });
});

describe('counts in the catalogs', () => {
  it('given English, then one second and 3 seconds', () => {
    expect(en.code.resendIn(1)).toBe('You can request a new code in 1 second');
    expect(en.code.resendIn(3)).toBe('You can request a new code in 3 seconds');
    expect(en.rateLimitedFor(20)).toBe('Too many attempts. Try again in 20 seconds.');
  });

  it('given Polish, then sekundę, sekundy and sekund as the count asks', async () => {
    const pl = await loadCatalog('pl');
    expect([1, 2, 5, 22].map((seconds) => pl.rateLimitedFor(seconds))).toEqual([
      'Zbyt wiele prób. Spróbuj ponownie za 1 sekundę.',
      'Zbyt wiele prób. Spróbuj ponownie za 2 sekundy.',
      'Zbyt wiele prób. Spróbuj ponownie za 5 sekund.',
      'Zbyt wiele prób. Spróbuj ponownie za 22 sekundy.',
    ]);
  });

  it('given Arabic, then one and two seconds are words and 3 and 11 take their own noun forms', async () => {
    const ar = await loadCatalog('ar');
    expect(ar.code.resendIn(1)).toContain('ثانية واحدة');
    expect(ar.code.resendIn(2)).toContain('ثانيتين');
    expect(ar.code.resendIn(3)).toContain('3 ثوانٍ');
    expect(ar.code.resendIn(11)).toContain('11 ثانية');
  });

  it('given German, then Sekunde and Sekunden', async () => {
    const de = await loadCatalog('de');
    expect(de.code.resendIn(1)).toBe('Sie können in 1 Sekunde einen neuen Code anfordern');
    expect(de.code.resendIn(30)).toBe('Sie können in 30 Sekunden einen neuen Code anfordern');
  });

  it('given each locale, then the CVC message names the length', async () => {
    for (const locale of LOCALES) {
      const catalog = await loadCatalog(locale);
      expect(catalog.payment.cvcInvalid(4), locale).toContain('4');
    }
  });
});
