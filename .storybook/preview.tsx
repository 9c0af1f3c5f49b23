import '../src/checkout/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { checkOtherTheme } from './axe-other-theme';
import { A11Y_RULES } from './a11y-rules';
import { themeOf } from './themes';

// findBy*/waitFor wait up to 5 s: CI machines are busy, and later steps load as a lazy chunk.
configure({ asyncUtilTimeout: 5000 });

/** Light or dark, the way the checkout app itself switches: `data-theme` on <html>. */
const withTheme: Decorator = (Story, context) => {
  document.documentElement.dataset.theme = themeOf(context.globals);
  document.documentElement.lang = 'en';
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme],
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
  },
  initialGlobals: { theme: 'light' },
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
  // The a11y addon checks the theme a story renders in; this checks the other one too.
  afterEach: checkOtherTheme,
};

export default preview;
