import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { StepTitle } from '../../ui/StepTitle';

/** A step whose code did not load (the connection dropped): say so, and load it again on request. */
export function LoadFailedStep({ onRetry }: { onRetry(): void }) {
  const strings = useStrings();
  return (
    <div className="lava-step">
      <StepTitle>{strings.failure.networkTitle}</StepTitle>
      <p className="lava-lead" role="alert">
        {strings.errors.network}
      </p>
      <Button onClick={onRetry}>{strings.tryAgain}</Button>
    </div>
  );
}
