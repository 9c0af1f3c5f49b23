import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { onTestFinished, vi } from 'vitest';
import type { FlowEvent, FlowState } from '../../../src/checkout/flow/types';
import { type Catalog, type Locale, LocaleContext, StringsContext } from '../../../src/checkout/strings';
import { en } from '../../../src/checkout/strings/en';

/** The language a step is drawn in: English unless a test loads another catalog. */
export interface StepLanguage {
  locale: Locale;
  strings: Catalog;
}

/** Render one step inside a dialog, as the shell does, with a spy for what it dispatches. */
export function renderStep<P extends { state: FlowState; dispatch: (event: FlowEvent) => void }>(
  Step: ComponentType<P>,
  state: FlowState,
  extra: Omit<P, 'state' | 'dispatch'> = {} as Omit<P, 'state' | 'dispatch'>,
  language: StepLanguage = { locale: 'en', strings: en },
) {
  const dispatch = vi.fn<(event: FlowEvent) => void>();
  const user = userEvent.setup();
  let props = { state, dispatch, ...extra } as unknown as P;
  const draw = () => (
    <LocaleContext.Provider value={language.locale}>
      <StringsContext.Provider value={language.strings}>
        <div role="dialog" aria-labelledby="lava-step-title">
          <Step {...props} />
        </div>
      </StringsContext.Provider>
    </LocaleContext.Provider>
  );
  const view = render(draw());
  /** Draw again with the next state and, optionally, other props (as a parent re-rendering does). */
  const rerender = (next: FlowState, more: Partial<Omit<P, 'state' | 'dispatch'>> = {}) => {
    props = { ...props, ...more, state: next } as P;
    view.rerender(draw());
  };
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
