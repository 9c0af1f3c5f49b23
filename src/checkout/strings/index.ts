import { createContext, useContext } from 'react';
import type { Catalog } from './catalog';
import { en } from './en';
import type { Locale } from './locales';

export type { Catalog } from './catalog';
import { formatMoney } from './format';

export { formatAmountInput, formatCardExpiry, formatMoney, parseAmountInput } from './format';
export { type Direction, directionOf, LOCALES, type Locale, PSEUDO_LOCALE } from './locales';
export { negotiateLocale } from './negotiate';
/** @deprecated The name screens use until they move to `Catalog`. */
export type Strings = Catalog;

/** Each locale but English is a chunk of its own, fetched only by a checkout that shows it. */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  es: () => import('./es').then((module) => module.es),
  fr: () => import('./fr').then((module) => module.fr),
  de: () => import('./de').then((module) => module.de),
  it: () => import('./it').then((module) => module.it),
  'pt-BR': () => import('./pt-BR').then((module) => module.ptBR),
  nl: () => import('./nl').then((module) => module.nl),
  pl: () => import('./pl').then((module) => module.pl),
  ja: () => import('./ja').then((module) => module.ja),
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
  ar: () => import('./ar').then((module) => module.ar),
  he: () => import('./he').then((module) => module.he),
  // Made from the English already here, so its chunk holds only the transform.
  'en-XA': () => import('./pseudo').then((module) => module.pseudoLocalize(en)),
};

const loaded = new Map<Locale, Catalog>([['en', en]]);
const loading = new Map<Locale, Promise<Catalog>>();

/** The locale's catalog when it is at hand (English always; others once loadCatalog resolved), else undefined. */
export function catalogNow(locale: Locale): Catalog | undefined {
  return loaded.get(locale);
}

/**
 * The locale's catalog, fetching its chunk the first time. Rejects when the chunk cannot be
 * fetched (a later call tries again); the caller shows English meanwhile.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'en') return Promise.resolve(en);
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (catalog) => {
        loaded.set(locale, catalog);
        loading.delete(locale);
        return catalog;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

export const StringsContext = createContext<Catalog>(en);

export function useStrings(): Catalog {
  return useContext(StringsContext);
}

/** The locale the strings are in: what money, numbers and country names are written in. */
export const LocaleContext = createContext<Locale>('en');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** Money in `currency` as the customer's locale writes it: "$25.00" in en, "25,00 $" in de. */
export function useMoney(currency: string): (amount: string) => string {
  const locale = useLocale();
  return (amount) => formatMoney(locale, amount, currency);
}
