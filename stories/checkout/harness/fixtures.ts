import type { CheckoutMode, PaymentIntentResponse, StartResponse, VerifyCodeResponse } from '../../../src/contract';

/** A start answer for each mode, as the sandbox would give it (sandbox processor by default). */
export function sessionFor(mode: CheckoutMode, overrides: Partial<StartResponse> = {}): StartResponse {
  const session: StartResponse = {
    checkout_session_id: 'cs_story_1',
    flow_token: 'ft_story_start',
    mode,
    merchant: { name: 'Acme AI' },
    origin: 'http://localhost:6006',
    expires_at: '2030-01-01T00:30:00.000Z',
    amounts: { currency: 'USD', min: '5.00', max: '500.00', presets: ['10.00', '25.00', '50.00'] },
    processor: { kind: 'sandbox' },
    progress: { step: 'phone', verified: false },
  };
  if (mode === 'subscription') {
    session.plan = {
      subscription_config_id: 'subconf_pro',
      name: 'Pro Plan',
      period_amount: '49.00',
      billing_interval: 'month',
      included_credit: '25.00',
      rollover_type: 'full',
      bundle_rollover_type: 'none',
    };
  }
  if (mode === 'credit_bundle') {
    session.credit_bundle = { credit_bundle_id: 'cb_story', name: '500 credits', cost: '25.00', credit_amount: '25.00' };
  }
  if (mode === 'topup' || mode === 'credit_bundle') {
    session.connection = { connection_id: 'conn_story_owner', phone_masked: '+1 •••• ••00' };
  }
  return { ...session, ...overrides };
}

/** The same session paid through Stripe (test key): the card field is the fake Stripe's. */
export function stripeSessionFor(mode: CheckoutMode): StartResponse {
  return sessionFor(mode, { processor: { kind: 'stripe', publishable_key: 'pk_test_story' } });
}

export const newWallet: VerifyCodeResponse = { flow_token: 'ft_story_verified', wallet: { exists: false } };

export const knownWallet: VerifyCodeResponse = {
  flow_token: 'ft_story_verified',
  wallet: {
    exists: true,
    already_linked: false,
    preview: { first_name_initial: 'J', last_name_initial: 'D', email_masked: 'j•••@example.com', phone_masked: '+1 •••• ••00' },
  },
};

export function intentFor(mode: CheckoutMode, extra: Partial<PaymentIntentResponse> = {}): PaymentIntentResponse {
  const amount = mode === 'subscription' ? '49.00' : '25.00';
  const description = mode === 'subscription' ? 'Pro Plan, monthly' : mode === 'credit_bundle' ? '500 credits' : 'Add funds';
  return { intent_id: 'pi_story_1', amount, currency: 'USD', description, saved_cards: [], ...extra };
}

export const savedVisa = { payment_method_id: 'pm_story_visa', brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2030 };

export const TEST_PHONE = '2015550100';
export const TEST_CODE = '000000';
export const GOOD_CARD = '4242 4242 4242 4242';
export const DECLINED_CARD = '4000 0000 0000 0002';
export const CHALLENGE_CARD = '4000 0025 0000 3155';
