import { describe, expect, it } from 'vitest';
import { type Catalog, catalogNow, LOCALES, type Locale, loadCatalog, PSEUDO_LOCALE } from '../../../../src/checkout/strings';
import { defineCatalog } from '../../../../src/checkout/strings/catalog';
import { de } from '../../../../src/checkout/strings/de';
import { en } from '../../../../src/checkout/strings/en';
import { entryTexts, keyPaths } from './entries';

describe('catalog completeness (typechecked)', () => {
  const { rateLimitedFor: _dropped, ...missingTopLevel } = de;
  const { linkDetails: _alsoDropped, ...walletMissingOne } = de.wallet;
  const extraInReference = { ...de.errors, card_expired: 'Diese Karte ist abgelaufen.' };

  it('given a catalog missing a key or with an extra one, at any depth, then it does not compile', () => {
    // @ts-expect-error rateLimitedFor is missing
    defineCatalog({ ...missingTopLevel });
    // @ts-expect-error wallet.linkDetails is missing
    defineCatalog({ ...de, wallet: walletMissingOne });
    // @ts-expect-error goodbye is not a key of Catalog
    defineCatalog({ ...de, goodbye: 'Auf Wiedersehen' });
    // @ts-expect-error phone.hint is not a key of Catalog
    defineCatalog({ ...de, phone: { ...de.phone, hint: 'Hinweis' } });
    // @ts-expect-error errors.card_expired is not a key of Catalog, even from a referenced object
    defineCatalog({ ...de, errors: extraInReference });
    // @ts-expect-error pay takes an amount, not a number of cents
    defineCatalog({ ...de, payment: { ...de.payment, pay: (cents: number) => `${cents}` } });
    expect(defineCatalog({ ...de })).toEqual(de);
  });
});

describe('catalogs', () => {
  it('given English, then catalogNow has it at once, with no loading', () => {
    expect(catalogNow('en')).toBe(en);
  });

  it.each<Locale>([...LOCALES, PSEUDO_LOCALE])('given %s, then its catalog loads with exactly the keys of English', async (locale) => {
    const catalog = await loadCatalog(locale);
    expect(keyPaths(catalog)).toEqual(keyPaths(en));
    expect(catalogNow(locale)).toBe(catalog);
  });

  it('given a locale loaded twice, then the same catalog both times', async () => {
    const [first, second] = await Promise.all([loadCatalog('fr'), loadCatalog('fr')]);
    expect(second).toBe(first);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('given %s, then every entry is written in it and shows the values it is given', async (locale) => {
    const catalog: Catalog = await loadCatalog(locale);
    const english = new Map(entryTexts(en).map((entry) => [entry.path, entry.text]));
    const translatedPaths: string[] = [];
    for (const { path, text, args } of entryTexts(catalog)) {
      expect(text.trim(), path).not.toBe('');
      if (text !== english.get(path)) translatedPaths.push(path);
      // The billing interval is a word to translate, not a value to show.
      if (path === 'plan.per') continue;
      for (const arg of args) if (typeof arg === 'string') expect(text, `${locale} ${path}`).toContain(arg);
    }
    // Only names and codes may read the same as English ("Sandbox", "CVC", "Total"...).
    expect(translatedPaths.length / english.size).toBeGreaterThan(0.9);
  });

  it('given any catalog, then no entry writes a dollar sign of its own', async () => {
    for (const locale of LOCALES) {
      for (const { path, text, args } of entryTexts(await loadCatalog(locale))) {
        const own = args.reduce<string>((rest, arg) => (typeof arg === 'string' ? rest.replaceAll(arg, '') : rest), text);
        expect(own, `${locale} ${path}`).not.toMatch(/[$€£¥￥]/);
      }
    }
  });
});
