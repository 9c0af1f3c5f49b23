import { lazy } from 'react';

let chunk: Promise<typeof import('./CountryList')> | null = null;

/** The country list's code: fetched after the phone step's first paint, or when the button is pressed. */
export function prefetchCountryList(): Promise<typeof import('./CountryList')> {
  chunk ??= import('./CountryList').catch((error: unknown) => {
    chunk = null; // a later press tries again
    throw error;
  });
  return chunk;
}

let names: Promise<typeof import('./named-countries')> | null = null;

/** The countries by name (named-countries.ts): fetched after the phone step's first paint, or when the button is pressed. */
export function loadCountryNames(): Promise<typeof import('./named-countries')> {
  names ??= import('./named-countries').catch((error: unknown) => {
    names = null; // a later press tries again
    throw error;
  });
  return names;
}

export const LazyCountryList = lazy(() => prefetchCountryList().then((m) => ({ default: m.CountryList })));

/** Run `task` when the renderer is idle after paint (at most `timeout` ms later); returns a cancel. */
export function afterPaint(task: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}
