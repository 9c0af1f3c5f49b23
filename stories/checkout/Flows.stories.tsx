import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { GOOD_CARD, TEST_CODE, TEST_PHONE } from './harness/fixtures';
import { storyLog } from './harness/recorder';
import { phone } from './harness/variants';

/** Whole paths through the real flow controller, on the fake API, from the loading screen. */
const meta = {
  title: 'Checkout/0 Flows',
  component: CheckoutPreview,
  args: { state: undefined },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];

async function verifyPhone(canvas: Canvas): Promise<void> {
  await userEvent.type(await canvas.findByLabelText('Phone number'), TEST_PHONE);
  await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
  const code = await canvas.findByLabelText('Verification code');
  await waitFor(() => expect(code).toHaveFocus());
  await userEvent.type(code, TEST_CODE);
}

/** Phone -> code -> new wallet -> plan -> card -> done, as a new customer. */
export const NewCustomerSubscribes: Story = {
  name: 'Phone -> code -> wallet -> plan -> payment -> done',
  args: { api: fakeFlowApi({ mode: 'subscription' }) },
  play: async ({ canvas, args }) => {
    await verifyPhone(canvas);
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveFocus());
    await userEvent.type(canvas.getByLabelText('First name'), 'Jane');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Doe');
    await userEvent.type(canvas.getByLabelText('Email'), 'jane@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Create wallet' }));
    await shows(await canvas.findByText('Pro Plan'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue to payment' }));
    await userEvent.type(await canvas.findByLabelText('Card number'), GOOD_CARD);
    await userEvent.type(canvas.getByLabelText('Expiry (MM/YY)'), '1230');
    await userEvent.type(canvas.getByLabelText('CVC'), '123');
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe — $49.00' }));
    await shows(await canvas.findByRole('heading', { name: 'All set' }));
    expect(args.api?.calls.map((c) => c.method)).toEqual([
      'start',
      'sendCode',
      'verifyCode',
      'createWallet',
      'createIntent',
      'confirmPayment',
    ]);
    expect(args.api?.calls[1]?.args[1]).toBe('+12015550100');
    expect(storyLog.events.filter((e) => e.type === 'step').map((e) => ('step' in e ? e.step : null))).toEqual([
      'phone',
      'code',
      'wallet',
      'plan',
      'payment',
      'done',
    ]);
  },
};

/** Phone -> code -> link the wallet the number already has (consent screen). */
export const ReturningCustomerLinks: Story = {
  name: 'Phone -> code -> link existing wallet',
  args: { api: fakeFlowApi({ mode: 'subscription', walletExists: true }) },
  play: async ({ canvas }) => {
    await verifyPhone(canvas);
    await shows(await canvas.findByRole('heading', { name: 'Link your Lava wallet to Acme AI' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Link wallet' }));
    await shows(await canvas.findByText('Pro Plan'));
  },
};

/** The same path at phone size. */
export const NewCustomerOnPhone: Story = {
  ...ReturningCustomerLinks,
  name: 'Phone -> code -> link (phone size)',
  globals: phone,
};

/** Escape anywhere cancels the checkout (the host hears a cancel). */
export const EscapeCancels: Story = {
  name: 'Escape cancels',
  args: { api: fakeFlowApi() },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByLabelText('Phone number')).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(storyLog.outcomes).toEqual([{ kind: 'cancel', checkoutSessionId: 'cs_story_1' }]));
  },
};
