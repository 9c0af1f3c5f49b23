import { useMoney, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { StepTitle } from '../../ui/StepTitle';
import { isTestMode } from '../test-mode';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

/** The sandbox's 3-D Secure stand-in: the customer plays the bank and approves or fails. */
export function ChallengeStep({ state, dispatch }: StepProps<'challenge'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const money = useMoney(state.intent.currency);
  return (
    <div className="lava-step">
      <StepTitle>{strings.challenge.title}</StepTitle>
      <p className="lava-lead">{isTestMode(state.session) ? strings.challenge.sandboxLead : strings.challenge.lead}</p>
      <p className="lava-total">
        <strong>
          <bdi>{money(state.intent.amount)}</bdi>
        </strong>
      </p>
      <Button busy={busy} onClick={() => dispatch({ type: 'ANSWER_CHALLENGE', approve: true })}>
        {strings.challenge.approve}
      </Button>
      <Button variant="secondary" disabled={busy} onClick={() => dispatch({ type: 'ANSWER_CHALLENGE', approve: false })}>
        {strings.challenge.fail}
      </Button>
    </div>
  );
}
