import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { fakeFlowApi } from './harness/fake-api';
import { at, busy, withError } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

const meta = {
  title: 'Checkout/3 Wallet',
  component: CheckoutPreview,
  args: { state: at('wallet_create') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

const details = { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' };

export const CreateEmpty: Story = {
  name: 'Create: empty',
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveFocus());
  },
};
export const CreateEmptyDark: Story = { name: 'Create: empty (dark)', globals: dark };
export const CreateEmptyPhone: Story = { name: 'Create: empty (phone)', globals: phone };
export const CreateEmptyPhoneDark: Story = { name: 'Create: empty (phone, dark)', globals: phoneDark };

export const CreateFilled: Story = {
  name: 'Create: filled',
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('First name'), details.first_name);
    await userEvent.type(canvas.getByLabelText('Last name'), details.last_name);
    await userEvent.type(canvas.getByLabelText('Email'), details.email);
    await expect(canvas.getByLabelText('Email')).toHaveValue(details.email);
  },
};

export const CreateValidating: Story = {
  name: 'Create: validating',
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Email'), 'not-an-email');
    await userEvent.click(canvas.getByRole('button', { name: 'Create wallet' }));
    const first = canvas.getByLabelText('First name');
    await expect(first).toHaveAccessibleDescription('Enter your first name.');
    await expect(first).toHaveFocus();
    await expect(canvas.getByLabelText('Last name')).toHaveAccessibleDescription('Enter your last name.');
    await expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address like name@example.com.');
  },
};

export const CreateBusy: Story = {
  name: 'Create: busy',
  args: { state: busy(at('wallet_create'), { kind: 'create_wallet', details }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Creating wallet…' })).toBeDisabled();
  },
};

export const CreateInvalidDetails: Story = {
  name: 'Create: server error invalid_wallet_details',
  args: { state: withError(at('wallet_create'), { code: 'invalid_wallet_details' }) },
};
export const CreateNetwork: Story = { name: 'Create: server error network', args: { state: withError(at('wallet_create'), { code: 'network' }) } };

/** The server fails once; the same details go through on the second press. */
export const CreateErrorThenRetry: Story = {
  name: 'Create: error, then retry',
  args: { api: fakeFlowApi({ script: { createWallet: [{ fail: 'internal' }, { connection_id: 'conn_story_1', created: true }] } }) },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('First name'), details.first_name);
    await userEvent.type(canvas.getByLabelText('Last name'), details.last_name);
    await userEvent.type(canvas.getByLabelText('Email'), details.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Create wallet' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    await userEvent.click(canvas.getByRole('button', { name: 'Create wallet' }));
    await shows(await canvas.findByRole('heading', { name: 'Your plan' }));
    expect(args.api?.calls.filter((c) => c.method === 'createWallet').map((c) => c.args[1])).toEqual([details, details]);
  },
};

export const Link: Story = {
  name: 'Link existing wallet',
  args: { state: at('wallet_link') },
  play: async ({ canvas }) => {
    await shows(await canvas.findByRole('heading', { name: 'Link your Lava wallet to Acme AI' }));
    await shows(canvas.getByText('j•••@example.com'));
  },
};
export const LinkDark: Story = { name: 'Link existing wallet (dark)', args: { state: at('wallet_link') }, globals: dark };
export const LinkPhone: Story = { name: 'Link existing wallet (phone)', args: { state: at('wallet_link') }, globals: phone };
export const LinkBusy: Story = {
  name: 'Link: busy',
  args: { state: busy(at('wallet_link'), { kind: 'link_wallet' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Linking…' })).toBeDisabled();
  },
};
export const LinkError: Story = { name: 'Link: server error internal', args: { state: withError(at('wallet_link'), { code: 'internal' }) } };
