import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { TEST_CODE } from './harness/fixtures';
import { at, busy, withError } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

const meta = {
  title: 'Checkout/2 Code',
  component: CheckoutPreview,
  args: { state: at('code') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    const code = await canvas.findByLabelText('Verification code');
    await waitFor(() => expect(code).toHaveFocus());
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  },
};
export const EmptyDark: Story = { globals: dark };
export const EmptyPhone: Story = { globals: phone };
export const EmptyPhoneDark: Story = { globals: phoneDark };

export const ResendCountdown: Story = {
  name: 'Resend cooldown running',
  args: { state: at('code', 'subscription', { resendAfter: 30 }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Send a new code' })).toBeDisabled();
    await shows(canvas.getByText(/You can request a new code in \d+ s/));
  },
};

export const Filled: Story = {
  name: 'Filled (five digits)',
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Verification code'), '12345');
    await expect(canvas.getByLabelText('Verification code')).toHaveValue('12345');
  },
};

export const Validating: Story = {
  name: 'Validating: incomplete code',
  play: async ({ canvas }) => {
    const code = await canvas.findByLabelText('Verification code');
    await userEvent.type(code, '123');
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await expect(code).toHaveAccessibleDescription('Enter all 6 digits.');
  },
};

export const Busy: Story = {
  args: { state: busy(at('code'), { kind: 'verify_code', code: TEST_CODE }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Verifying…' })).toBeDisabled();
  },
};

export const CodeInvalid: Story = {
  name: 'Server error: code_invalid',
  args: { state: withError(at('code'), { code: 'code_invalid' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That code is not right.');
  },
};
export const CodeExpired: Story = { name: 'Server error: code_expired', args: { state: withError(at('code'), { code: 'code_expired' }) } };
export const AttemptsExceeded: Story = {
  name: 'Server error: code_attempts_exceeded',
  args: { state: withError(at('code'), { code: 'code_attempts_exceeded' }) },
};
export const RateLimited: Story = {
  name: 'Server error: rate_limited',
  args: { state: withError(at('code'), { code: 'rate_limited', retryAfter: 45 }) },
};
export const ServerErrorPhoneDark: Story = { ...CodeInvalid, name: 'Server error: code_invalid (phone, dark)', globals: phoneDark };

/** A wrong code is refused and cleared; the right one goes through. */
export const WrongThenRight: Story = {
  name: 'Error, then retry',
  args: { api: fakeFlowApi({ script: { verifyCode: [{ fail: 'code_invalid' }, { flow_token: 'ft_ok', wallet: { exists: false } }] } }) },
  play: async ({ canvas, args }) => {
    const code = await canvas.findByLabelText('Verification code');
    await userEvent.type(code, '111111');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That code is not right.');
    await waitFor(() => expect(code).toHaveValue(''));
    await userEvent.type(code, TEST_CODE);
    await shows(await canvas.findByRole('heading', { name: 'Create your Lava wallet' }));
    expect(args.api?.calls.filter((c) => c.method === 'verifyCode').map((c) => c.args[1])).toEqual(['111111', TEST_CODE]);
  },
};
