import { isFatal } from '../../flow/errors';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function FailureStep({ state, dispatch }: StepProps<'failure'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const failure = state.failure ?? { code: 'internal' as const };
  const canRetry = !isFatal(failure.code);
  return (
    <div className="lava-step">
      <StepTitle>{failure.code === 'network' ? strings.failure.networkTitle : strings.failure.title}</StepTitle>
      <p className="lava-lead" role="alert">
        {errorText(strings, failure)}
      </p>
      {canRetry && (
        <Button busy={busy} onClick={() => dispatch({ type: 'RETRY' })}>
          {strings.tryAgain}
        </Button>
      )}
      <Button variant={canRetry ? 'secondary' : 'primary'} onClick={() => dispatch({ type: 'CLOSE' })}>
        {strings.close}
      </Button>
    </div>
  );
}
