import type { StoryContext } from '@storybook/react-vite';
import { expectNoViolations, isStoryTestRun } from './axe';
import { otherTheme, themeOf } from './themes';

/**
 * In the story tests only: switch <html data-theme> to the theme the story was not rendered in,
 * run axe on the story root, switch back. Contrast is the rule this is really for.
 */
export async function checkOtherTheme(context: StoryContext): Promise<void> {
  if (!isStoryTestRun() || context.parameters.a11y?.disable) return;
  const root = document.documentElement;
  const rendered = themeOf(context.globals);
  root.dataset.theme = otherTheme(rendered);
  try {
    await expectNoViolations(context.canvasElement, `in the ${otherTheme(rendered)} theme`);
  } finally {
    root.dataset.theme = rendered;
  }
}
