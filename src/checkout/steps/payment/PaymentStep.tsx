import { useState } from 'react';
import { useMoney, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import type { ProcessorView } from './processor';
import { isBusy, isPaying } from '../../flow/status';
import { cardBrandName } from './card-brand';

/** Total, saved cards, the processor's new-card form, and the reason of the last failure. */
export function PaymentStep({ state, dispatch, Processor }: StepProps<'payment'> & { Processor: ProcessorView }) {
  const strings = useStrings();
  const intent = state.intent;
  const money = useMoney(intent.currency);
  const total = money(intent.amount);
  const saved = intent.saved_cards;
  const [choice, setChoice] = useState<string>(saved[0]?.payment_method_id ?? 'new');
  const subscription = state.session.mode === 'subscription';
  const payLabel = subscription ? strings.payment.subscribe(total) : strings.payment.pay(total);
  const paying = isPaying(state) || isBusy(state);

  return (
    <div className="lava-step">
      <StepTitle>{strings.payment.title}</StepTitle>
      <div className="lava-total">
        <span>{intent.description}</span>
        <span>
          <span className="lava-visually-hidden">{strings.payment.total} </span>
          <strong>
            <bdi>{total}</bdi>
          </strong>
        </span>
      </div>
      <ErrorMessage error={state.error} />
      {state.error && (state.error.code === 'card_declined' || state.error.code === 'insufficient_funds') && (
        <p className="lava-hint">{strings.payment.tryAnotherCard}</p>
      )}
      {saved.length > 0 && (
        <fieldset className="lava-saved" disabled={paying}>
          <legend>{strings.payment.savedCards}</legend>
          {saved.map((card) => (
            <label key={card.payment_method_id} className="lava-check-row">
              <input
                type="radio"
                name="lava-card-choice"
                checked={choice === card.payment_method_id}
                onChange={() => setChoice(card.payment_method_id)}
              />
              {strings.payment.savedCard(cardBrandName(card.brand), card.last4, card.exp_month, card.exp_year)}
            </label>
          ))}
          <label className="lava-check-row">
            <input type="radio" name="lava-card-choice" checked={choice === 'new'} onChange={() => setChoice('new')} />
            {strings.payment.newCard}
          </label>
        </fieldset>
      )}
      {choice === 'new' ? (
        <Processor state={state} dispatch={dispatch} payLabel={payLabel} offerSave />
      ) : (
        <Button
          busy={paying}
          busyLabel={strings.payment.paying}
          onClick={() => dispatch({ type: 'PAY', input: { kind: 'saved', paymentMethodId: choice } })}
        >
          {payLabel}
        </Button>
      )}
      <Button variant="link" disabled={paying} onClick={() => dispatch({ type: 'BACK' })}>
        {strings.back}
      </Button>
    </div>
  );
}
