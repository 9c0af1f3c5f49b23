import { useMoney, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function BundleStep({ state, dispatch }: StepProps<'bundle'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const money = useMoney(state.session.amounts.currency);
  const bundle = state.session.credit_bundle;
  return (
    <div className="lava-step">
      <StepTitle>{strings.bundle.title}</StepTitle>
      {bundle && (
        <div className="lava-summary">
          <p className="lava-plan-name">{bundle.name}</p>
          <p className="lava-price">
            <bdi className="lava-amount">{money(bundle.cost)}</bdi>
          </p>
          <p>{strings.bundle.credit(money(bundle.credit_amount))}</p>
        </div>
      )}
      <ErrorMessage error={state.error} />
      <Button busy={busy} onClick={() => dispatch({ type: 'CONFIRM_BUNDLE' })}>
        {strings.bundle.submit}
      </Button>
    </div>
  );
}
