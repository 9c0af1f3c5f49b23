import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { at, busy, withError } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

/** Each mode's summary before payment: the plan (subscription), an amount (onboarding, topup), a bundle. */
const meta = {
  title: 'Checkout/4 Summary',
  component: CheckoutPreview,
  args: { state: at('plan', 'subscription') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Plan: Story = {
  play: async ({ canvas }) => {
    await shows(await canvas.findByText('Pro Plan'));
    await shows(canvas.getByText('$25.00 usage credit included each period'));
  },
};
export const PlanDark: Story = { name: 'Plan (dark)', globals: dark };
export const PlanPhone: Story = { name: 'Plan (phone)', globals: phone };
export const PlanPhoneDark: Story = { name: 'Plan (phone, dark)', globals: phoneDark };
export const PlanBusy: Story = {
  name: 'Plan: busy',
  args: { state: busy(at('plan'), { kind: 'create_intent' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: /Continue to payment/ })).toBeDisabled();
  },
};
export const PlanError: Story = { name: 'Plan: server error internal', args: { state: withError(at('plan'), { code: 'internal' }) } };
export const AlreadySubscribed: Story = { name: 'Plan: already subscribed', args: { state: at('already_subscribed') } };
export const PlanConflict: Story = {
  name: 'Plan: server error conflict (already on the plan)',
  args: { api: fakeFlowApi({ script: { createIntent: { fail: 'conflict' } } }) },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue to payment' }));
    await shows(await canvas.findByRole('heading', { name: "You're already on this plan" }));
  },
};

export const Amount: Story = {
  name: 'Amount (onboarding)',
  args: { state: at('amount', 'onboarding') },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: '$10.00' })).toHaveAttribute('aria-pressed', 'true');
  },
};
export const AmountTopup: Story = { name: 'Amount (top-up)', args: { state: at('amount', 'topup') } };
export const AmountDark: Story = { name: 'Amount (dark)', args: { state: at('amount', 'onboarding') }, globals: dark };
export const AmountPhone: Story = { name: 'Amount (phone)', args: { state: at('amount', 'onboarding') }, globals: phone };
export const AmountFilled: Story = {
  name: 'Amount: filled (preset chosen)',
  args: { state: at('amount', 'onboarding') },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: '$50.00' }));
    await expect(canvas.getByRole('button', { name: '$50.00' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByLabelText('Other amount (USD)')).toHaveValue('50.00');
  },
};
export const AmountValidating: Story = {
  name: 'Amount: out of range',
  args: { state: at('amount', 'onboarding') },
  play: async ({ canvas }) => {
    const input = await canvas.findByLabelText('Other amount (USD)');
    await userEvent.clear(input);
    await userEvent.type(input, '1000');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue to payment' }));
    await expect(input).toHaveAccessibleDescription('Enter an amount between $5.00 and $500.00.');
  },
};
export const AmountBusy: Story = {
  name: 'Amount: busy',
  args: { state: busy(at('amount', 'onboarding', { amount: '25.00' }), { kind: 'create_intent', amount: '25.00' }) },
};
export const AmountError: Story = {
  name: 'Amount: server error network',
  args: { state: withError(at('amount', 'onboarding'), { code: 'network' }) },
};

export const Bundle: Story = {
  name: 'Bundle (credit_bundle)',
  args: { state: at('bundle', 'credit_bundle') },
  play: async ({ canvas }) => {
    await shows(await canvas.findByText('500 credits'));
  },
};
export const BundleDark: Story = { name: 'Bundle (dark)', args: { state: at('bundle', 'credit_bundle') }, globals: dark };
export const BundlePhone: Story = { name: 'Bundle (phone)', args: { state: at('bundle', 'credit_bundle') }, globals: phone };
export const BundleBusy: Story = { name: 'Bundle: busy', args: { state: busy(at('bundle', 'credit_bundle'), { kind: 'create_intent' }) } };
export const BundleError: Story = {
  name: 'Bundle: server error internal',
  args: { state: withError(at('bundle', 'credit_bundle'), { code: 'internal' }) },
};
