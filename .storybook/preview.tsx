import '../src/checkout/styles.css';
import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { A11Y_RULES } from './a11y-rules';
import { checkArabic } from './axe-in-arabic';
import { checkOtherTheme } from './axe-other-theme';
import { localeItems, localeOf } from './locales';
import { showLocale } from './story-locale';
import { themeOf } from './themes';

// findBy*/waitFor wait up to 5 s: CI machines are busy, and later steps load as a lazy chunk.
configure({ asyncUtilTimeout: 5000 });

/** Light or dark, the way the checkout app itself switches: `data-theme` on <html>. */
const withTheme: Decorator = (Story, context) => {
  document.documentElement.dataset.theme = themeOf(context.globals);
  return <Story />;
};

/**
 * The toolbar's locale, before every render: its catalog loaded (a chunk of its own), then
 * <html lang dir> set and the checkout previews told. Awaited here, so a story renders in its
 * locale from the first frame and the play function and axe never see English in its place.
 */
const withLocale: Loader = async (context) => {
  await showLocale(localeOf(context.globals));
  return {};
};

const preview: Preview = {
  decorators: [withTheme],
  loaders: [withLocale],
  globalTypes: {
    theme: {
      description: 'Checkout theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Checkout language',
      toolbar: { title: 'Locale', icon: 'globe', items: localeItems, dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    viewport: {
      options: {
        phone: { name: 'Phone 360x640', styles: { width: '360px', height: '640px' }, type: 'mobile' },
        desktop: { name: 'Desktop 1280x800', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    // Every story is an axe check (WCAG 2.0/2.1 A and AA) in the story tests; a violation fails them.
    a11y: { test: 'error', options: { runOnly: { type: 'tag', values: A11Y_RULES } } },
  },
  // The a11y addon checks the theme and locale a story renders in; these check the other theme,
  // then both themes in Arabic (right to left).
  afterEach: [checkOtherTheme, checkArabic],
};

export default preview;
