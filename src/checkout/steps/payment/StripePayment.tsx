import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe, type StripeElementLocale } from '@stripe/stripe-js';
import { type FormEvent, useMemo, useState } from 'react';
import { type Locale, useLocale, useStrings } from '../../strings';
import { useAppearance } from '../../theme/context';
import { stripeAppearance } from '../../theme/stripe-appearance';
import { Button } from '../../ui/Button';
import type { ProcessorProps } from './processor';
import { fromStripeError, paidElsewhere } from './stripe-errors';
import { isBusy, isPaying } from '../../flow/status';

let loading: { key: string; stripe: Promise<Stripe | null> } | null = null;

/** Stripe.js is fetched once, and only once the payment step is reached. */
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  if (!loading || loading.key !== publishableKey) loading = { key: publishableKey, stripe: loadStripe(publishableKey) };
  return loading.stripe;
}

/** Stripe's name for the checkout's locale: Chinese is "zh"; the pseudo-locale is English to Stripe. */
function stripeLocale(locale: Locale): StripeElementLocale {
  if (locale === 'zh-CN') return 'zh';
  if (locale === 'en-XA') return 'en';
  return locale;
}

export interface StripePaymentProps extends ProcessorProps {
  /** Tests pass a fake; otherwise Stripe.js is loaded for the session's publishable key. */
  stripe?: Promise<Stripe | null> | Stripe | null;
}

/** The Stripe implementation of the payment step: Elements + PaymentElement, 3-D Secure in place. */
export function StripePayment(props: StripePaymentProps) {
  const strings = useStrings();
  const locale = useLocale();
  const appearance = useAppearance();
  const processor = props.state.session.processor;
  const key = processor.kind === 'stripe' ? processor.publishable_key : null;
  const stripe = useMemo(() => props.stripe ?? (key ? stripeFor(key) : null), [props.stripe, key]);
  const clientSecret = props.state.intent.client_secret;
  const options = useMemo(
    () => ({
      clientSecret,
      locale: stripeLocale(locale),
      appearance: stripeAppearance(appearance, typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches),
    }),
    [clientSecret, locale, appearance],
  );
  if (!stripe || !clientSecret) return <p className="lava-alert">{strings.payment.processorUnavailable}</p>;
  return (
    <Elements stripe={stripe} options={options}>
      <StripeForm {...props} clientSecret={clientSecret} />
    </Elements>
  );
}

function StripeForm({ state, dispatch, payLabel, offerSave, clientSecret }: ProcessorProps & { clientSecret: string }) {
  const strings = useStrings();
  const stripe = useStripe();
  const elements = useElements();
  const [save, setSave] = useState(false);
  const [ready, setReady] = useState(false);

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!stripe || !elements || isPaying(state) || isBusy(state)) return;
    const submitted = await elements.submit();
    // Field problems are shown by the PaymentElement itself.
    if (submitted.error) return;
    dispatch({ type: 'PAY_STARTED' });
    const result = await stripe.confirmPayment({
      elements,
      clientSecret,
      redirect: 'if_required',
      confirmParams: { return_url: window.location.href },
    });
    if (result.error) {
      // The session's PaymentIntent is shared by its tabs: paid in another one, it is this
      // checkout's payment too, and the server answers with the charge it already recorded.
      const paid = paidElsewhere(result.error);
      if (paid) {
        dispatch({ type: 'PAY', input: { kind: 'stripe', paymentIntentId: paid, saveCard: false } });
        return;
      }
      dispatch({ type: 'PAY_CLIENT_FAILED', error: fromStripeError(result.error) });
      return;
    }
    dispatch({ type: 'PAY', input: { kind: 'stripe', paymentIntentId: result.paymentIntent.id, saveCard: offerSave && save } });
  }

  return (
    <form className="lava-card-form" onSubmit={onSubmit} noValidate>
      {!ready && <p className="lava-hint">{strings.payment.loadingProcessor}</p>}
      <PaymentElement onReady={() => setReady(true)} />
      {offerSave && (
        <label className="lava-check-row">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
          {strings.payment.saveCard}
        </label>
      )}
      <Button type="submit" busy={isPaying(state) || isBusy(state)} busyLabel={strings.payment.paying} disabled={!stripe || !elements}>
        {payLabel}
      </Button>
    </form>
  );
}
