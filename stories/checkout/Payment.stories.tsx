import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { DECLINED_CARD, GOOD_CARD, intentFor, savedVisa, stripeSessionFor } from './harness/fixtures';
import { at, busy, withError } from './harness/states';
import { storyLog } from './harness/recorder';
import { dark, phone, phoneDark } from './harness/variants';

const card = { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' };

const meta = {
  title: 'Checkout/5 Payment',
  component: CheckoutPreview,
  args: { state: at('payment', 'subscription') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  name: 'Sandbox card: empty',
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveFocus());
    await shows(canvas.getByText('Sandbox — no real charge'));
  },
};
export const EmptyDark: Story = { name: 'Sandbox card: empty (dark)', globals: dark };
export const EmptyPhone: Story = { name: 'Sandbox card: empty (phone)', globals: phone };
export const EmptyPhoneDark: Story = { name: 'Sandbox card: empty (phone, dark)', globals: phoneDark };
export const Amount: Story = { name: 'Sandbox card: top-up amount', args: { state: at('payment', 'topup') } };

async function fillCard(canvas: Parameters<NonNullable<Story['play']>>[0]['canvas'], number: string): Promise<void> {
  await userEvent.type(await canvas.findByLabelText('Card number'), number);
  await userEvent.type(canvas.getByLabelText('Expiry (MM/YY)'), '1230');
  await userEvent.type(canvas.getByLabelText('CVC'), '123');
}

export const Filled: Story = {
  name: 'Sandbox card: filled',
  play: async ({ canvas }) => {
    await fillCard(canvas, GOOD_CARD);
    await expect(canvas.getByLabelText('Card number')).toHaveValue(GOOD_CARD);
    await expect(canvas.getByLabelText('Expiry (MM/YY)')).toHaveValue('12 / 30');
  },
};

export const Validating: Story = {
  name: 'Sandbox card: field errors',
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Card number'), '4242 4242');
    await userEvent.type(canvas.getByLabelText('Expiry (MM/YY)'), '0120');
    await userEvent.type(canvas.getByLabelText('CVC'), '1');
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    const number = canvas.getByLabelText('Card number');
    await expect(number).toHaveAccessibleDescription('The card number is incomplete.');
    await expect(number).toHaveFocus();
    await expect(canvas.getByLabelText('Expiry (MM/YY)')).toHaveAccessibleDescription('This card has expired.');
    await expect(canvas.getByLabelText('CVC')).toHaveAccessibleDescription('The CVC has 3 digits.');
  },
};

export const Busy: Story = {
  name: 'Sandbox card: paying',
  args: { state: busy(at('payment'), { kind: 'confirm_payment', intentId: 'pi_story_1', input: { kind: 'card', card, saveCard: false } }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Processing payment…' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Close checkout' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Back' })).toBeDisabled();
  },
};

const declined = { code: 'card_declined', message: 'Your card was declined (sandbox).' } as const;
export const Declined: Story = {
  name: 'Decline: card_declined',
  args: { state: withError(at('payment'), declined) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your card was declined (sandbox).');
    await shows(canvas.getByText('Please try another card.'));
  },
};
export const DeclinedDark: Story = { name: 'Decline: card_declined (dark)', args: { state: withError(at('payment'), declined) }, globals: dark };
export const DeclinedPhone: Story = { name: 'Decline: card_declined (phone)', args: { state: withError(at('payment'), declined) }, globals: phone };
export const InsufficientFunds: Story = {
  name: 'Decline: insufficient_funds',
  args: { state: withError(at('payment'), { code: 'insufficient_funds', message: 'Your card has insufficient funds (sandbox).' }) },
};
export const AuthenticationFailed: Story = {
  name: 'Decline: authentication_failed',
  args: { state: withError(at('payment'), { code: 'authentication_failed', message: 'The bank could not confirm this payment (sandbox).' }) },
};
export const InvalidCard: Story = { name: 'Server error: invalid_card', args: { state: withError(at('payment'), { code: 'invalid_card' }) } };
export const InProgress: Story = {
  name: 'Server error: payment_in_progress',
  args: { state: withError(at('payment'), { code: 'payment_in_progress' }) },
};
export const NetworkDuringCharge: Story = {
  name: 'Server error: network (charge unknown, retry reuses the key)',
  args: { state: withError(at('payment'), { code: 'network' }) },
};

export const SavedCard: Story = {
  name: 'Saved card offered',
  args: { state: at('payment', 'subscription', { intent: intentFor('subscription', { saved_cards: [savedVisa] }) }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('radio', { name: 'Visa ending in 4242, expires 12/30' })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: 'Use a new card' }));
    await shows(await canvas.findByLabelText('Card number'));
  },
};

/** Payment submit: a declined card, then a good one; the flow ends on success. */
export const DeclineThenPay: Story = {
  name: 'Payment submit: decline, then another card',
  args: { api: fakeFlowApi() },
  play: async ({ canvas, args }) => {
    await fillCard(canvas, DECLINED_CARD);
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your card was declined');
    const number = canvas.getByLabelText('Card number');
    await userEvent.clear(number);
    await userEvent.type(number, GOOD_CARD);
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await shows(await canvas.findByRole('heading', { name: 'All set' }));
    const confirms = args.api?.calls.filter((c) => c.method === 'confirmPayment') ?? [];
    expect(confirms).toHaveLength(2);
    expect(storyLog.events.map((e) => e.type)).toEqual(expect.arrayContaining(['payment_failed', 'subscription_active']));
    expect(storyLog.locks).toBe(2);
  },
};

/** 3-D Secure: the sandbox card …3155 asks the bank; approving ends on success. */
export const ChallengeFromCard: Story = {
  name: '3-D Secure: card asks, customer approves',
  args: { api: fakeFlowApi() },
  play: async ({ canvas }) => {
    await fillCard(canvas, '4000 0025 0000 3155');
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await shows(await canvas.findByRole('heading', { name: 'Confirm this payment' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await shows(await canvas.findByRole('heading', { name: 'All set' }));
  },
};

export const Challenge: Story = { name: '3-D Secure challenge', args: { state: at('challenge') } };
export const ChallengeDark: Story = { name: '3-D Secure challenge (dark)', args: { state: at('challenge') }, globals: dark };
export const ChallengePhone: Story = { name: '3-D Secure challenge (phone)', args: { state: at('challenge') }, globals: phone };
export const ChallengeBusy: Story = {
  name: '3-D Secure challenge: busy',
  args: {
    state: busy(at('challenge'), { kind: 'answer_challenge', intentId: 'pi_story_1', challengeId: 'chal_story_1', approve: true }),
  },
};
export const ChallengeFailed: Story = {
  name: '3-D Secure challenge: failed, back on payment',
  args: { state: at('challenge'), api: fakeFlowApi() },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Fail authentication' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The bank could not confirm this payment');
  },
};

const stripe = stripeSessionFor('subscription');
const stripeIntent = intentFor('subscription', { client_secret: 'pi_story_secret_1' });
export const Stripe: Story = {
  name: 'Stripe card field (fake Stripe)',
  args: { state: at('payment', 'subscription', { intent: stripeIntent }, stripe) },
  play: async ({ canvas }) => {
    await shows(await canvas.findByLabelText('Card number (test Stripe)'));
  },
};
export const StripeDark: Story = {
  name: 'Stripe card field (dark)',
  args: { state: at('payment', 'subscription', { intent: stripeIntent }, stripe) },
  globals: dark,
};
export const StripeDecline: Story = {
  name: 'Stripe: declined by Stripe.js',
  args: { state: at('payment', 'subscription', { intent: stripeIntent }, stripe), api: fakeFlowApi({ session: stripe }) },
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Card number (test Stripe)'), DECLINED_CARD);
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your card was declined.');
  },
};
export const StripePay: Story = {
  name: 'Stripe: pays',
  args: { state: at('payment', 'subscription', { intent: stripeIntent }, stripe), api: fakeFlowApi({ session: stripe }) },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Card number (test Stripe)'), GOOD_CARD);
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await shows(await canvas.findByRole('heading', { name: 'All set' }));
    const confirm = args.api?.calls.find((c) => c.method === 'confirmPayment');
    expect(confirm?.args[1]).toMatchObject({ stripe_payment_intent_id: 'pi_story_stripe' });
  },
};
