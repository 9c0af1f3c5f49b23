import { useStrings } from '../../strings';

export function LoadingStep() {
  const strings = useStrings();
  return (
    <div className="lava-step lava-loading" role="status" aria-live="polite">
      <span className="lava-spinner lava-spinner--large" aria-hidden="true" />
      <h1 id="lava-step-title" tabIndex={-1} className="lava-visually-hidden">
        {strings.loading}
      </h1>
    </div>
  );
}
