import { type ReactNode, useContext, useLayoutEffect, useRef } from 'react';
import { FocusContext } from './focus-context';

export const STEP_TITLE_ID = 'lava-step-title';

/**
 * Each step's heading labels the dialog. When a step appears, focus moves to its first field
 * (marked `data-autofocus`) or, when it has none, to this heading — once focus is allowed —
 * as the step is committed, before the browser paints it.
 */
export function StepTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const mayFocus = useContext(FocusContext);
  useLayoutEffect(() => {
    const self = heading.current;
    if (!self || !mayFocus) return;
    const scope = self.closest('[role="dialog"]') ?? self.ownerDocument.body;
    const target = scope.querySelector<HTMLElement>('[data-autofocus]') ?? self;
    // Already there (the app focused the field before this render): focusing again would only
    // force a style and layout pass.
    if (target !== target.ownerDocument.activeElement) target.focus();
  }, [mayFocus]);
  return (
    <h1 ref={heading} id={STEP_TITLE_ID} tabIndex={-1} className="lava-title">
      {children}
    </h1>
  );
}
