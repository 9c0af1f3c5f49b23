import axe from 'axe-core';
import { A11Y_RULES } from './a11y-rules';

/** Runs axe on `element` with the stories' rules; throws with every violation, saying where (`in the dark theme`). */
export async function expectNoViolations(element: HTMLElement, where: string): Promise<void> {
  const result = await axe.run(element, { runOnly: { type: 'tag', values: A11Y_RULES }, resultTypes: ['violations'] });
  if (result.violations.length === 0) return;
  const summary = result.violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  throw new Error(`axe found ${result.violations.length} violation(s) ${where}:\n${summary}`);
}

/** True in `npm run test:stories` (Vitest's browser mode), false in `storybook dev` and the built Storybook. */
export function isStoryTestRun(): boolean {
  return Boolean((globalThis as { __vitest_browser__?: boolean }).__vitest_browser__);
}
