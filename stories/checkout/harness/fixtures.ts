import type { CheckoutMode, PaymentIntentResponse, StartResponse } from '../../../src/contract';
import { type FixtureNames, startAnswer, verifyAnswers } from '../../../test/fixtures/checkout-answers';

const NAMES: FixtureNames = {
  checkoutSessionId: 'cs_story_1',
  startFlowToken: 'ft_story_start',
  verifiedFlowToken: 'ft_story_verified',
  origin: 'http://localhost:6006',
  expiresAt: '2030-01-01T00:30:00.000Z',
  creditBundle: { credit_bundle_id: 'cb_story', name: '500 credits', cost: '25.00', credit_amount: '25.00' },
  ownerConnectionId: 'conn_story_owner',
};

/** A start answer for each mode, as the sandbox would give it (sandbox processor by default). */
export function sessionFor(mode: CheckoutMode, overrides: Partial<StartResponse> = {}): StartResponse {
  return startAnswer(NAMES, mode, overrides);
}

/** The same session paid through Stripe (test key): the card field is the fake Stripe's. */
export function stripeSessionFor(mode: CheckoutMode): StartResponse {
  return sessionFor(mode, { processor: { kind: 'stripe', publishable_key: 'pk_test_story' } });
}

export const { newWallet, knownWallet } = verifyAnswers(NAMES);

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
