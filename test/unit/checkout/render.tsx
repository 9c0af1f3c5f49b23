import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { onTestFinished, vi } from 'vitest';
import type { FlowEvent, FlowState } from '../../../src/checkout/flow/types';
import { en } from '../../../src/checkout/strings/en';
import { StringsContext } from '../../../src/checkout/strings';

/** Render one step inside a dialog, as the shell does, with a spy for what it dispatches. */
export function renderStep<P extends { state: FlowState; dispatch: (event: FlowEvent) => void }>(
  Step: ComponentType<P>,
  state: FlowState,
  extra: Omit<P, 'state' | 'dispatch'> = {} as Omit<P, 'state' | 'dispatch'>,
) {
  const dispatch = vi.fn<(event: FlowEvent) => void>();
  const user = userEvent.setup();
  const props = { state, dispatch, ...extra } as unknown as P;
  const view = render(
    <StringsContext.Provider value={en}>
      <div role="dialog" aria-labelledby="lava-step-title">
        <Step {...props} />
      </div>
    </StringsContext.Provider>,
  );
  const rerender = (next: FlowState) =>
    view.rerender(
      <StringsContext.Provider value={en}>
        <div role="dialog" aria-labelledby="lava-step-title">
          <Step {...({ ...props, state: next } as P)} />
        </div>
      </StringsContext.Provider>,
    );
  return { ...view, dispatch, user, rerender };
}

/**
 * Errors thrown by event handlers during this test. The DOM reports them to `window` instead of
 * the code that dispatched the event, so a test that only checks the screen would not see them.
 */
export function uncaughtErrors(): unknown[] {
  const errors: unknown[] = [];
  const record = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', record);
  onTestFinished(() => window.removeEventListener('error', record));
  return errors;
}
