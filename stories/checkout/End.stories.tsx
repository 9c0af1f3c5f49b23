import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { storyLog } from './harness/recorder';
import { at, busy, failure } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

/** Success for each mode, and every failure screen. */
const meta = {
  title: 'Checkout/6 Success and failure',
  component: CheckoutPreview,
  args: { state: at('done', 'subscription') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Success: Story = {
  name: 'Success: subscription',
  play: async ({ canvas }) => {
    await shows(await canvas.findByText('Your subscription is active.'));
    await waitFor(() => expect(storyLog.outcomes).toEqual([{ kind: 'success', connectionId: 'conn_story_1', checkoutSessionId: 'cs_story_1' }]), {
      timeout: 4000,
    });
  },
};
export const SuccessDark: Story = { name: 'Success (dark)', globals: dark };
export const SuccessPhone: Story = { name: 'Success (phone)', globals: phone };
export const SuccessPhoneDark: Story = { name: 'Success (phone, dark)', globals: phoneDark };
export const SuccessOnboarding: Story = { name: 'Success: onboarding', args: { state: at('done', 'onboarding') } };
export const SuccessTopup: Story = { name: 'Success: top-up', args: { state: at('done', 'topup') } };
export const SuccessBundle: Story = { name: 'Success: credit bundle', args: { state: at('done', 'credit_bundle') } };

async function closesWithError(canvas: Parameters<NonNullable<Story['play']>>[0]['canvas'], code: string): Promise<void> {
  await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  await userEvent.click(canvas.getAllByRole('button', { name: 'Close checkout' }).at(-1)!);
  expect(storyLog.outcomes).toEqual([expect.objectContaining({ kind: 'error', code })]);
}

export const Expired: Story = {
  name: 'Failure: session_expired',
  args: { state: failure({ code: 'session_expired' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This checkout has expired.');
    await closesWithError(canvas, 'session_expired');
  },
};
export const ExpiredDark: Story = { name: 'Failure: session_expired (dark)', args: { state: failure({ code: 'session_expired' }) }, globals: dark };
export const ExpiredPhone: Story = { name: 'Failure: session_expired (phone)', args: { state: failure({ code: 'session_expired' }) }, globals: phone };
export const Used: Story = {
  name: 'Failure: session_used',
  args: { state: failure({ code: 'session_used' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This checkout was already completed.');
    await closesWithError(canvas, 'session_used');
  },
};
export const OriginMismatch: Story = {
  name: 'Failure: origin_mismatch',
  args: { state: failure({ code: 'origin_mismatch' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('opened from a page it was not created for');
    await closesWithError(canvas, 'origin_mismatch');
  },
};
export const NotFound: Story = { name: 'Failure: session_not_found', args: { state: failure({ code: 'session_not_found' }) } };
export const Unauthorized: Story = { name: 'Failure: unauthorized', args: { state: failure({ code: 'unauthorized' }) } };
export const InvalidToken: Story = { name: 'Failure: invalid_token', args: { state: failure({ code: 'invalid_token' }) } };
export const Network: Story = {
  name: 'Failure: network',
  args: { state: failure({ code: 'network' }) },
  play: async ({ canvas }) => {
    await shows(await canvas.findByRole('heading', { name: 'Connection lost' }));
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};
export const NetworkDark: Story = { name: 'Failure: network (dark)', args: { state: failure({ code: 'network' }) }, globals: dark };
export const NetworkPhoneDark: Story = { name: 'Failure: network (phone, dark)', args: { state: failure({ code: 'network' }) }, globals: phoneDark };
export const NetworkRetrying: Story = { name: 'Failure: network, retrying', args: { state: busy(failure({ code: 'network' }), { kind: 'start' }) } };
export const Internal: Story = { name: 'Failure: internal', args: { state: failure({ code: 'internal' }) } };
export const NotFoundRetryable: Story = { name: 'Failure: not_found', args: { state: failure({ code: 'not_found' }) } };
export const Forbidden: Story = { name: 'Failure: forbidden', args: { state: failure({ code: 'forbidden' }) } };

/** Error retry: the first start is lost, "Try again" starts again and the phone step appears. */
export const NetworkThenRetry: Story = {
  name: 'Error retry: network on start, then phone step',
  args: { state: undefined, api: fakeFlowApi({ script: { start: [{ fail: 'network' }, 'default'] } }) },
  play: async ({ canvas, args }) => {
    await shows(await canvas.findByRole('heading', { name: 'Connection lost' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await shows(await canvas.findByRole('heading', { name: 'Enter your phone number' }));
    expect(args.api?.calls.filter((c) => c.method === 'start')).toHaveLength(2);
  },
};
