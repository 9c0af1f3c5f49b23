import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fakeFlowApi } from './harness/fake-api';
import { TEST_PHONE } from './harness/fixtures';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { at, busy, withError } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

const meta = {
  title: 'Checkout/1 Phone',
  component: CheckoutPreview,
  args: { state: at('phone') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    const number = await canvas.findByLabelText('Phone number');
    await waitFor(() => expect(number).toHaveFocus());
    await shows(canvas.getByRole('dialog', { name: 'Enter your phone number' }));
  },
};
export const EmptyDark: Story = { globals: dark };
export const EmptyPhone: Story = { globals: phone };
export const EmptyPhoneDark: Story = { globals: phoneDark };

export const Filled: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Phone number'), TEST_PHONE);
    await expect(canvas.getByLabelText('Phone number')).toHaveValue('(201) 555-0100');
  },
};

export const Validating: Story = {
  name: 'Validating: number too short',
  play: async ({ canvas }) => {
    const number = await canvas.findByLabelText('Phone number');
    await userEvent.type(number, '201555');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(number).toHaveAccessibleDescription('This number is too short.');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveFocus();
  },
};

export const ValidatingEmpty: Story = {
  name: 'Validating: empty',
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }));
    await expect(canvas.getByLabelText('Phone number')).toHaveAccessibleDescription('Enter your phone number.');
  },
};

export const Busy: Story = {
  args: { state: busy(at('phone'), { kind: 'send_code', phone: '+12015550100' }) },
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: 'Sending code…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

export const InvalidPhone: Story = { name: 'Server error: invalid_phone', args: { state: withError(at('phone'), { code: 'invalid_phone' }) } };
export const RateLimited: Story = {
  name: 'Server error: rate_limited',
  args: { state: withError(at('phone'), { code: 'rate_limited', retryAfter: 30 }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  },
};
export const NetworkError: Story = { name: 'Server error: network', args: { state: withError(at('phone'), { code: 'network' }) } };
export const InternalError: Story = { name: 'Server error: internal', args: { state: withError(at('phone'), { code: 'internal' }) } };
export const InvalidRequest: Story = { name: 'Server error: invalid_request', args: { state: withError(at('phone'), { code: 'invalid_request' }) } };
export const NotTheOwner: Story = {
  name: 'Top-up owner: forbidden (another number)',
  args: { state: withError(at('phone', 'topup'), { code: 'forbidden' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Use the phone number of the account this checkout is for.');
  },
};
export const ServerErrorDark: Story = { ...RateLimited, name: 'Server error: rate_limited (dark)', globals: dark };

/** The server refuses the number, the customer fixes it and the code goes out. */
export const ErrorThenRetry: Story = {
  name: 'Error, then retry',
  args: { api: fakeFlowApi({ script: { sendCode: [{ fail: 'network' }] } }), state: at('phone') },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Phone number'), TEST_PHONE);
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach Lava.');
    expect(args.api?.calls.filter((c) => c.method === 'sendCode')).toHaveLength(1);
  },
};

export const Loading: Story = {
  name: 'Loading (start in flight)',
  args: { state: undefined, api: fakeFlowApi({ script: { start: 'hang' } }) },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole('status');
    await shows(status);
  },
};
