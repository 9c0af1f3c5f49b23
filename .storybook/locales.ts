import { LOCALES, type Locale, PSEUDO_LOCALE } from '../src/checkout/strings';

/** Each locale named in its own language, as a customer would look for it. */
const NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  'pt-BR': 'Português (Brasil)',
  nl: 'Nederlands',
  pl: 'Polski',
  ja: '日本語',
  'zh-CN': '简体中文',
  ar: 'العربية',
  he: 'עברית',
  'en-XA': 'Pseudo (en-XA)',
};

const ALL: readonly Locale[] = [...LOCALES, PSEUDO_LOCALE];

/** The Locale toolbar's items: every catalog, with its tag on the right. */
export const localeItems = ALL.map((locale) => ({ value: locale, title: NAMES[locale], right: locale }));

/** The toolbar's locale; anything else (an old URL, a typo) is English. */
export function localeOf(globals: Record<string, unknown>): Locale {
  return ALL.find((locale) => locale === globals.locale) ?? 'en';
}
