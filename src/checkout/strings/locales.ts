/** The locales the checkout is translated into, English first (the fallback). */
export const LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt-BR', 'nl', 'pl', 'ja', 'zh-CN', 'ar', 'he'] as const;

/** English, accented and padded: shows hard-coded text and tight layouts. Only when asked for by name. */
export const PSEUDO_LOCALE = 'en-XA';

export type Locale = (typeof LOCALES)[number] | typeof PSEUDO_LOCALE;

export type Direction = 'ltr' | 'rtl';

export function directionOf(locale: Locale): Direction {
  return locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr';
}
