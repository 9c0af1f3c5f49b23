import { useMoney, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function PlanStep({ state, dispatch }: StepProps<'plan'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const money = useMoney(state.session.amounts.currency);
  const plan = state.session.plan;
  return (
    <div className="lava-step">
      <StepTitle>{strings.plan.title}</StepTitle>
      {plan && (
        <div className="lava-summary">
          <p className="lava-plan-name">{plan.name}</p>
          <p className="lava-price">
            <bdi className="lava-amount">{money(plan.period_amount)}</bdi> {strings.plan.per(plan.billing_interval)}
          </p>
          <ul>
            <li>{strings.plan.included(money(plan.included_credit))}</li>
            <li>{plan.rollover_type === 'full' ? strings.plan.rolloverFull : strings.plan.rolloverNone}</li>
          </ul>
        </div>
      )}
      <ErrorMessage error={state.error} />
      <Button busy={busy} onClick={() => dispatch({ type: 'CONFIRM_PLAN' })}>
        {strings.plan.submit}
      </Button>
    </div>
  );
}
