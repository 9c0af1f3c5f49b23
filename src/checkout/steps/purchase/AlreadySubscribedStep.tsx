import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function AlreadySubscribedStep({ state, dispatch }: StepProps<'already_subscribed'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  return (
    <div className="lava-step">
      <StepTitle>{strings.plan.alreadyTitle}</StepTitle>
      <p className="lava-lead">{strings.plan.alreadyLead(state.session.plan?.name ?? '', state.session.merchant.name)}</p>
      <ErrorMessage error={state.error} />
      <Button busy={busy} onClick={() => dispatch({ type: 'CONTINUE_SUBSCRIBED' })}>
        {strings.continue}
      </Button>
    </div>
  );
}
