import { type FormEvent, useState } from 'react';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function AmountStep({ state, dispatch }: StepProps<'amount'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const rules = state.session.amounts;
  const [amount, setAmount] = useState(state.amount ?? rules.presets[0] ?? '');
  const outOfRange = state.error?.code === 'amount_out_of_range';

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    dispatch({ type: 'CHOOSE_AMOUNT', amount: amount.replace(/^\$/, '') });
  }

  return (
    <form className="lava-step" onSubmit={onSubmit} noValidate>
      <StepTitle>{strings.amount.title}</StepTitle>
      <p className="lava-lead">{strings.amount.lead(rules.min, rules.max)}</p>
      {rules.presets.length > 0 && (
        <fieldset className="lava-presets">
          <legend>{strings.amount.presets}</legend>
          {rules.presets.map((preset) => (
            <button
              key={preset}
              type="button"
              className="lava-preset"
              aria-pressed={amount === preset}
              onClick={() => setAmount(preset)}
            >
              {`$${preset}`}
            </button>
          ))}
        </fieldset>
      )}
      <Field
        label={strings.amount.custom}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={outOfRange ? strings.amount.outOfRange(rules.min, rules.max) : null}
        first
      />
      <ErrorMessage error={outOfRange ? null : state.error} />
      <Button type="submit" busy={busy}>
        {strings.amount.submit}
      </Button>
    </form>
  );
}
