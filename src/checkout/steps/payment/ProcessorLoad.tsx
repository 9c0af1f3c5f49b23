import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';

/** While the payment form's code loads. */
export function ProcessorLoading() {
  const strings = useStrings();
  return <p className="lava-hint">{strings.payment.loadingProcessor}</p>;
}

/** The payment form's code did not load (the connection dropped): say so, and load it again on request. */
export function ProcessorLoadFailed({ onRetry }: { onRetry(): void }) {
  const strings = useStrings();
  return (
    <>
      <p className="lava-alert" role="alert">
        {strings.payment.processorUnavailable}
      </p>
      <Button variant="secondary" onClick={onRetry}>
        {strings.tryAgain}
      </Button>
    </>
  );
}
