import { LOCALES, type Locale, PSEUDO_LOCALE } from './locales';

/** language[-Script][-REGION], the subtags that choose a catalog; variants and extensions are ignored. */
const TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?(?:-|$)/i;

/** Chinese written in Traditional characters: no catalog yet, and zh-CN would be the wrong script. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** The canonical form of a BCP 47 tag ("IW" -> "he", "en-us" -> "en-US"), or undefined when it is not one. */
function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The catalog for one tag: the same tag, else the same language ("de-AT" -> de, "pt-PT" ->
 * pt-BR). Read from the tag: `Intl.Locale#maximize` would load ICU's likely-subtags data (tens
 * of milliseconds in a fresh renderer) to tell the script, which only Chinese needs here.
 */
function catalogFor(tag: string, allowPseudo: boolean): Locale | undefined {
  const canonicalTag = canonical(tag.trim());
  if (!canonicalTag) return undefined;
  if (canonicalTag.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return allowPseudo ? PSEUDO_LOCALE : 'en';
  const match = TAG.exec(canonicalTag);
  if (!match) return undefined;
  // Engines canonicalize "iw" to "he" already; older ones may not.
  const language = match[1]!.toLowerCase() === 'iw' ? 'he' : match[1]!.toLowerCase();
  const script = match[2]?.toLowerCase();
  const region = match[3]?.toUpperCase();
  if (language === 'zh') {
    const traditional = script === 'hant' || (script === undefined && region !== undefined && TRADITIONAL_REGIONS.has(region));
    return traditional ? undefined : 'zh-CN';
  }
  const sameLanguage = LOCALES.filter((locale) => locale.split('-')[0] === language);
  return sameLanguage.find((locale) => locale.toLowerCase() === `${language}-${region?.toLowerCase()}`) ?? sameLanguage[0];
}

/**
 * The catalog to show: the merchant's `requested` locale when there is a catalog for it, else the
 * first of the customer's `preferred` languages (navigator.languages) that has one, else English.
 * The pseudo-locale en-XA is only ever the requested one.
 */
export function negotiateLocale(requested: string | undefined, preferred: readonly string[]): Locale {
  const fromRequest = requested === undefined ? undefined : catalogFor(requested, true);
  if (fromRequest) return fromRequest;
  for (const tag of preferred) {
    const locale = catalogFor(tag, false);
    if (locale) return locale;
  }
  return 'en';
}
