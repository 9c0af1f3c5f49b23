import type { Locale } from './locales';

/** The cardinal plural categories CLDR gives each locale (Intl.PluralRules#resolvedOptions). */
interface PluralCategories {
  en: 'one' | 'other';
  'en-XA': 'one' | 'other';
  es: 'one' | 'many' | 'other';
  fr: 'one' | 'many' | 'other';
  de: 'one' | 'other';
  it: 'one' | 'many' | 'other';
  'pt-BR': 'one' | 'many' | 'other';
  nl: 'one' | 'other';
  pl: 'one' | 'few' | 'many' | 'other';
  ja: 'other';
  'zh-CN': 'other';
  ar: 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
  he: 'one' | 'two' | 'other';
}

export type PluralCategory<L extends Locale> = PluralCategories[L];

/** One sentence per category; each gets the count already formatted for the locale. */
export type PluralForms<L extends Locale> = Record<PluralCategory<L>, (count: string) => string> & { other: (count: string) => string };

export type Plural<L extends Locale> = (count: number, forms: PluralForms<L>) => string;

/**
 * The plural chooser of one locale, for catalogs: `plural(n, { one: …, other: … })`. The type asks
 * for every category the locale has; an engine with older CLDR data that picks a category the
 * forms lack gets `other`. Intl objects are made on first use, not when a catalog loads.
 */
export function pluralFor<L extends Locale>(locale: L): Plural<L> {
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return (count, forms) => {
    rules ??= new Intl.PluralRules(locale);
    numbers ??= new Intl.NumberFormat(locale);
    const byCategory: Partial<Record<Intl.LDMLPluralRule, (count: string) => string>> = forms;
    const form = byCategory[rules.select(count)] ?? forms.other;
    return form(numbers.format(count));
  };
}
