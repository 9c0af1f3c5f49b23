import { useSyncExternalStore } from 'react';
import { storyLocale } from '../../../.storybook/story-locale';
import type { Locale } from '../../../src/checkout/strings';

/** The locale a checkout preview renders in (the Locale toolbar's, or the one a story test checks). */
export function useStoryLocale(): Locale {
  return useSyncExternalStore(storyLocale.subscribe, storyLocale.get, storyLocale.get);
}
