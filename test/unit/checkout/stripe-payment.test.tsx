import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PaymentState } from '../../../src/checkout/flow/types';
import { StripePayment, type StripePaymentProps } from '../../../src/checkout/steps/payment/StripePayment';
import { type Locale, LocaleContext } from '../../../src/checkout/strings';
import { AppearanceContext } from '../../../src/checkout/theme/context';
import { type ConfirmRequest, createFakeStripe } from '../../fixtures/fake-stripe';
import { atPayment } from './fixtures';
import { renderStep } from './render';

function stripeState(): PaymentState {
  const state = atPayment();
  return {
    ...state,
    session: { ...state.session!, processor: { kind: 'stripe', publishable_key: 'pk_test_123' } },
    intent: { ...state.intent!, client_secret: 'pi_s_secret_abc' },
  };
}

/** The host asked for a dark theme with its own accent and radius. */
function ThemedStripePayment(props: StripePaymentProps) {
  return (
    <AppearanceContext.Provider value={{ theme: 'dark', accent: '#0a7', radius: 6 }}>
      <StripePayment {...props} />
    </AppearanceContext.Provider>
  );
}

/** The one fake Stripe, its parts watched; `confirmPayment` answers `confirm`. */
function watchedStripe(confirm: (request: ConfirmRequest) => Promise<unknown>) {
  const parts = createFakeStripe({ confirm });
  return {
    stripe: parts.stripe,
    raw: { elements: vi.spyOn(parts.stripe, 'elements'), confirmPayment: vi.spyOn(parts.stripe, 'confirmPayment') },
    elements: { create: vi.spyOn(parts.elements, 'create'), submit: vi.spyOn(parts.elements, 'submit') },
    element: { mount: vi.spyOn(parts.element, 'mount') },
  };
}

function renderStripe(confirm: (request: ConfirmRequest) => Promise<unknown>, state = stripeState()) {
  const fake = watchedStripe(confirm);
  const view = renderStep(ThemedStripePayment, state, { payLabel: 'Pay $25.00', offerSave: true, stripe: fake.stripe });
  return { ...view, fake };
}

/** The locale the next `renderStripeIn` shows. */
let shownLocale: Locale = 'en';

function StripePaymentInLocale(props: StripePaymentProps) {
  return (
    <LocaleContext.Provider value={shownLocale}>
      <StripePayment {...props} />
    </LocaleContext.Provider>
  );
}

/** The checkout shows `locale`. */
function renderStripeIn(locale: Locale) {
  const fake = watchedStripe(async () => ({}));
  shownLocale = locale;
  renderStep(StripePaymentInLocale, stripeState(), { payLabel: 'Pay', offerSave: true, stripe: fake.stripe });
  return fake;
}

/** The customer types a card that Stripe would take into the payment element. */
async function typeCard(user: ReturnType<typeof renderStripe>['user']): Promise<void> {
  await user.type(await screen.findByLabelText('Card number (test Stripe)'), '4242424242424242');
}

describe('payment step with Stripe (fake Stripe object)', () => {
  it('given the intent, then Elements get its client secret and the host appearance, and a PaymentElement mounts', async () => {
    const { fake } = renderStripe(async () => ({}));
    await waitFor(() => expect(fake.elements.create).toHaveBeenCalledWith('payment', expect.anything()));
    expect(fake.raw.elements).toHaveBeenCalledWith(
      expect.objectContaining({
        clientSecret: 'pi_s_secret_abc',
        appearance: { theme: 'night', variables: { colorPrimary: '#0a7', borderRadius: '6px' } },
      }),
    );
    expect(fake.element.mount).toHaveBeenCalled();
  });

  it.each([
    ['de', 'de'],
    ['zh-CN', 'zh'],
    ['en-XA', 'en'],
  ] as const)("given the checkout in %s, then Elements are in Stripe's %s", async (locale, stripeLocale) => {
    const fake = renderStripeIn(locale);
    await waitFor(() => expect(fake.raw.elements).toHaveBeenCalledWith(expect.objectContaining({ locale: stripeLocale })));
  });

  it('when paying succeeds, then it confirms in place (no redirect) and hands the PaymentIntent to the server', async () => {
    const { user, dispatch, fake } = renderStripe(async () => ({ paymentIntent: { id: 'pi_s', status: 'succeeded' } }));
    await user.click(screen.getByLabelText('Save this card for autopay'));
    await typeCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() => expect(dispatch).toHaveBeenCalledWith({ type: 'PAY', input: { kind: 'stripe', paymentIntentId: 'pi_s', saveCard: true } }));
    expect(fake.raw.confirmPayment).toHaveBeenCalledWith(expect.objectContaining({ clientSecret: 'pi_s_secret_abc', redirect: 'if_required' }));
    expect(dispatch.mock.calls[0]![0]).toEqual({ type: 'PAY_STARTED' });
  });

  it('given a decline from Stripe, then its message is reported as the reason', async () => {
    const { user, dispatch } = renderStripe(async () => ({
      error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    }));
    await typeCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() =>
      expect(dispatch).toHaveBeenCalledWith({
        type: 'PAY_CLIENT_FAILED',
        error: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
      }),
    );
  });

  it('given the session’s PaymentIntent was already paid in another tab, then it hands that PaymentIntent to the server instead of failing', async () => {
    const { user, dispatch } = renderStripe(async () => ({
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: 'You cannot confirm this PaymentIntent because it has a status of succeeded.',
        payment_intent: { id: 'pi_shared', status: 'succeeded' },
      },
    }));
    await typeCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() => expect(dispatch).toHaveBeenCalledWith({ type: 'PAY', input: { kind: 'stripe', paymentIntentId: 'pi_shared', saveCard: false } }));
    expect(dispatch).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'PAY_CLIENT_FAILED' }));
  });

  it('given the PaymentIntent was cancelled (the checkout moved on), then it is a failure and nothing goes to the server', async () => {
    const { user, dispatch } = renderStripe(async () => ({
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: 'You cannot confirm this PaymentIntent because it has a status of canceled.',
        payment_intent: { id: 'pi_old', status: 'canceled' },
      },
    }));
    await typeCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() => expect(dispatch).toHaveBeenCalledWith(expect.objectContaining({ type: 'PAY_CLIENT_FAILED' })));
    expect(dispatch).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'PAY' }));
  });

  it('given failed authentication, then it is reported as such', async () => {
    const { user, dispatch } = renderStripe(async () => ({
      error: { type: 'invalid_request_error', code: 'payment_intent_authentication_failure', message: 'We are unable to authenticate.' },
    }));
    await typeCard(user);
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() =>
      expect(dispatch).toHaveBeenCalledWith({ type: 'PAY_CLIENT_FAILED', error: { code: 'authentication_failed', message: 'We are unable to authenticate.' } }),
    );
  });

  it('given incomplete fields, then nothing starts (the PaymentElement shows what is missing)', async () => {
    const { user, dispatch, fake } = renderStripe(async () => ({}));
    await user.type(await screen.findByLabelText('Card number (test Stripe)'), '4242');
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await waitFor(() => expect(fake.elements.submit).toHaveBeenCalled());
    expect(fake.raw.confirmPayment).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given a payment in flight, then the button is disabled', () => {
    renderStripe(async () => ({}), { ...stripeState(), paying: true });
    expect(screen.getByRole('button', { name: /Processing payment/ })).toBeDisabled();
  });

  it('given no client secret, then it says the form is unavailable', () => {
    const state = { ...stripeState(), intent: { ...stripeState().intent!, client_secret: undefined } };
    renderStripe(async () => ({}), state);
    expect(screen.getByText(/payment form could not be loaded/)).toBeInTheDocument();
  });
});
