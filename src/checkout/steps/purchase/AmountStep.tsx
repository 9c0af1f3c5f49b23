import { type FormEvent, useState } from 'react';
import { formatAmountInput, parseAmountInput, useLocale, useMoney, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

export function AmountStep({ state, dispatch }: StepProps<'amount'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const locale = useLocale();
  const rules = state.session.amounts;
  const money = useMoney(rules.currency);
  // What the field shows, as the customer writes numbers ("12,50" in de); sent as a decimal string.
  const [typed, setTyped] = useState(() => formatAmountInput(locale, state.amount ?? rules.presets[0] ?? ''));
  const amount = parseAmountInput(locale, typed);
  const outOfRange = state.error?.code === 'amount_out_of_range';
  const min = money(rules.min);
  const max = money(rules.max);

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    dispatch({ type: 'CHOOSE_AMOUNT', amount });
  }

  return (
    <form className="lava-step" onSubmit={onSubmit} noValidate>
      <StepTitle>{strings.amount.title}</StepTitle>
      <p className="lava-lead">{strings.amount.lead(min, max)}</p>
      {rules.presets.length > 0 && (
        <fieldset className="lava-presets">
          <legend>{strings.amount.presets}</legend>
          {rules.presets.map((preset) => (
            <button
              key={preset}
              type="button"
              className="lava-preset"
              aria-pressed={amount !== '' && Number(amount) === Number(preset)}
              onClick={() => setTyped(formatAmountInput(locale, preset))}
            >
              <bdi>{money(preset)}</bdi>
            </button>
          ))}
        </fieldset>
      )}
      <Field
        label={strings.amount.custom}
        inputMode="decimal"
        dir="ltr"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={outOfRange ? strings.amount.outOfRange(min, max) : null}
        first
      />
      <ErrorMessage error={outOfRange ? null : state.error} />
      <Button type="submit" busy={busy}>
        {strings.amount.submit}
      </Button>
    </form>
  );
}
