import { directionOf, type Locale, loadCatalog } from '../src/checkout/strings';

let current: Locale = 'en';
const listeners = new Set<() => void>();

/**
 * The locale the checkout previews render in: the toolbar's, or for a moment the one a story
 * test checks. A store rather than a prop from the story, so that the story test can re-render a
 * checkout in place, at the state its play function left it in, without remounting it.
 */
export const storyLocale = {
  get: (): Locale => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Loads the locale's catalog, then shows it: <html lang dir> and every mounted preview. Resolves
 * once the previews have drawn it, so what runs next (a play function, axe) reads that locale.
 */
export async function showLocale(locale: Locale): Promise<void> {
  await loadCatalog(locale);
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener();
  await drawn();
}

/**
 * React renders a store change in a microtask and Preact its context consumers in another; a
 * catalog already loaded and lazy screens already resolved leave nothing for later than that.
 */
function drawn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
