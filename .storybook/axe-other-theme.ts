import type { StoryContext } from '@storybook/react-vite';
import axe from 'axe-core';
import { A11Y_RULES } from './a11y-rules';
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
    const result = await axe.run(context.canvasElement, { runOnly: { type: 'tag', values: A11Y_RULES }, resultTypes: ['violations'] });
    if (result.violations.length > 0) {
      const summary = result.violations
        .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
        .join('\n');
      throw new Error(`axe found ${result.violations.length} violation(s) in the ${otherTheme(rendered)} theme:\n${summary}`);
    }
  } finally {
    root.dataset.theme = rendered;
  }
}

function isStoryTestRun(): boolean {
  return Boolean((globalThis as { __vitest_browser__?: boolean }).__vitest_browser__);
}
