import type { StoryContext } from '@storybook/react-vite';
import { expectNoViolations, isStoryTestRun } from './axe';
import { localeOf } from './locales';
import { showLocale } from './story-locale';
import { otherTheme, themeOf } from './themes';

const RTL = 'ar';

/**
 * In the story tests only, after the checks in the story's own locale: re-render the story in
 * Arabic, right to left, in place (at the state its play function left it in); run axe in both
 * themes; switch back. A label or name a translation left out, or markup that breaks right to
 * left, fails the story as an English one would.
 */
export async function checkArabic(context: StoryContext): Promise<void> {
  const rendered = localeOf(context.globals);
  if (!isStoryTestRun() || context.parameters.a11y?.disable || rendered === RTL) return;
  const root = document.documentElement;
  const theme = themeOf(context.globals);
  await showLocale(RTL);
  try {
    for (const shown of [theme, otherTheme(theme)]) {
      root.dataset.theme = shown;
      await expectNoViolations(context.canvasElement, `in ${RTL} (rtl), ${shown} theme`);
    }
  } finally {
    root.dataset.theme = theme;
    await showLocale(rendered);
  }
}
