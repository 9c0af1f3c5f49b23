import { useEffect } from 'react';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';

/** How long the success screen stays before the host is told (and closes the overlay). */
export const DONE_DELAY_MS = 1500;

export function DoneStep({ state, dispatch }: StepProps<'done'>) {
  const strings = useStrings();
  const mode = state.session.mode;
  useEffect(() => {
    const timer = setTimeout(() => dispatch({ type: 'FINISH' }), DONE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dispatch]);
  return (
    <div className="lava-step lava-done">
      <div className="lava-check" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <StepTitle>{strings.done.title}</StepTitle>
      <p className="lava-lead" role="status">
        {strings.done[mode]}
      </p>
      <p className="lava-hint">{strings.done.returning(state.session.merchant.name)}</p>
      <Button onClick={() => dispatch({ type: 'FINISH' })}>{strings.continue}</Button>
    </div>
  );
}
