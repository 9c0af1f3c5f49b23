import { type FormEvent, useRef, useState } from 'react';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { type CardFields, type CardProblem, checkCard, digitsOf, formatCardNumber, formatExpiry } from './card-validation';
import type { ProcessorProps } from './processor';
import { isBusy, isPaying } from '../../flow/status';

/** The offline processor: Stripe's test-card outcomes, clearly labelled as not a real charge. */
export function SandboxCardForm({ state, dispatch, payLabel, offerSave, now = () => new Date() }: ProcessorProps & { now?: () => Date }) {
  const strings = useStrings();
  const [fields, setFields] = useState<CardFields>({ number: '', expiry: '', cvc: '' });
  const [save, setSave] = useState(false);
  const [problems, setProblems] = useState<CardProblem[]>([]);
  const refs = { number: useRef<HTMLInputElement>(null), expiry: useRef<HTMLInputElement>(null), cvc: useRef<HTMLInputElement>(null) };

  function set(field: keyof CardFields, value: string): void {
    setFields((f) => ({ ...f, [field]: value }));
    setProblems((p) => p.filter((problem) => problem.field !== field));
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (isPaying(state) || isBusy(state)) return;
    const check = checkCard(fields, now());
    if (!check.ok) {
      setProblems(check.problems);
      refs[check.problems[0]!.field].current?.focus();
      return;
    }
    dispatch({ type: 'PAY', input: { kind: 'card', card: check.card, saveCard: offerSave && save } });
  }

  const problem = (field: keyof CardFields): string | null => {
    const found = problems.find((p) => p.field === field);
    if (!found) return null;
    switch (found.field) {
      case 'number':
        return found.reason === 'incomplete' ? strings.payment.cardNumberIncomplete : strings.payment.cardNumberInvalid;
      case 'expiry':
        return found.reason === 'past' ? strings.payment.expiryPast : strings.payment.expiryInvalid;
      case 'cvc':
        return strings.payment.cvcInvalid(found.length);
    }
  };

  return (
    <form className="lava-card-form" onSubmit={onSubmit} noValidate aria-label={strings.payment.sandboxLabel}>
      <p className="lava-sandbox-label">{strings.payment.sandboxLabel}</p>
      <Field
        ref={refs.number}
        label={strings.payment.cardNumber}
        inputMode="numeric"
        dir="ltr"
        autoComplete="cc-number"
        value={fields.number}
        onChange={(e) => set('number', formatCardNumber(e.target.value))}
        error={problem('number')}
        maxLength={19}
        first
      />
      <div className="lava-row lava-row--fields">
        <Field
          ref={refs.expiry}
          label={strings.payment.expiry}
          inputMode="numeric"
          dir="ltr"
          autoComplete="cc-exp"
          placeholder="MM / YY"
          value={fields.expiry}
          onChange={(e) => set('expiry', e.target.value.length < fields.expiry.length ? e.target.value : formatExpiry(e.target.value))}
          error={problem('expiry')}
          maxLength={7}
        />
        <Field
          ref={refs.cvc}
          label={strings.payment.cvc}
          inputMode="numeric"
          dir="ltr"
          autoComplete="cc-csc"
          value={fields.cvc}
          onChange={(e) => set('cvc', digitsOf(e.target.value).slice(0, 4))}
          error={problem('cvc')}
          maxLength={4}
        />
      </div>
      {offerSave && (
        <label className="lava-check-row">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
          {strings.payment.saveCard}
        </label>
      )}
      <Button type="submit" busy={isPaying(state) || isBusy(state)} busyLabel={strings.payment.paying}>
        {payLabel}
      </Button>
      <p className="lava-sandbox-hint">{strings.payment.sandboxCards}</p>
    </form>
  );
}
