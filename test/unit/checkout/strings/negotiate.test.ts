import { describe, expect, it } from 'vitest';
import { directionOf, LOCALES, type Locale, negotiateLocale } from '../../../../src/checkout/strings';

describe('negotiateLocale', () => {
  const rows: [requested: string | undefined, preferred: string[], expected: Locale][] = [
    ['de', [], 'de'],
    ['pt-BR', [], 'pt-BR'],
    ['zh-CN', [], 'zh-CN'],
    ['pt-PT', [], 'pt-BR'],
    ['pt', [], 'pt-BR'],
    ['es-MX', [], 'es'],
    ['es-419', [], 'es'],
    ['de-AT', [], 'de'],
    ['de-CH-u-co-phonebk', [], 'de'],
    ['fr-CA', [], 'fr'],
    ['en-GB', [], 'en'],
    ['EN-us', [], 'en'],
    ['PT-br', [], 'pt-BR'],
    ['zh', [], 'zh-CN'],
    ['zh-Hans', [], 'zh-CN'],
    ['zh-SG', [], 'zh-CN'],
    ['zh-Hans-HK', [], 'zh-CN'],
    ['zh-TW', [], 'en'],
    ['zh-HK', [], 'en'],
    ['zh-Hant', [], 'en'],
    ['zh-Hant-CN', ['ja'], 'ja'],
    ['zh-TW', ['zh-HK', 'fr-FR'], 'fr'],
    ['iw', [], 'he'],
    ['iw-IL', [], 'he'],
    ['ar-EG', [], 'ar'],
    ['ja-JP', [], 'ja'],
    ['nl-BE', [], 'nl'],
    ['pl-PL', [], 'pl'],
    ['it-CH', [], 'it'],
    ['sv-SE', ['it-IT'], 'it'],
    [undefined, ['fr-FR', 'de'], 'fr'],
    [undefined, ['ko-KR', 'nl'], 'nl'],
    [undefined, [], 'en'],
    ['', [], 'en'],
    ['', ['de'], 'de'],
    ['not a tag', ['es'], 'es'],
    ['x-foo', ['123', '', 'ja'], 'ja'],
    [undefined, ['ko', 'ru'], 'en'],
    ['de', ['fr'], 'de'],
    ['en-XA', [], 'en-XA'],
    ['en-xa', ['de'], 'en-XA'],
    [undefined, ['en-XA', 'de'], 'en'],
    ['ko', ['en-XA'], 'en'],
  ];

  it.each(rows)('given requested %j and preferred %j, then %s', (requested, preferred, expected) => {
    expect(negotiateLocale(requested, preferred)).toBe(expected);
  });

  it('given each locale by its own tag, then that locale', () => {
    for (const locale of LOCALES) expect(negotiateLocale(locale, [])).toBe(locale);
  });
});

describe('directionOf', () => {
  it('given Arabic and Hebrew, then right to left; given the others, then left to right', () => {
    const rtl = [...LOCALES, 'en-XA' as const].filter((locale) => directionOf(locale) === 'rtl');
    expect(rtl).toEqual(['ar', 'he']);
  });
});
