import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { ComponentDemo } from './ComponentDemo';
import { insideCheckout, overlayGone } from './frame';

/** The controlled <LavaCheckout> component on a merchant page, over the story-local fake checkout. */
const meta = {
  title: 'Host/LavaCheckout',
  component: ComponentDemo,
} satisfies Meta<typeof ComponentDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Success: Story = {
  name: 'Opens, completes, reports onSuccess and closes',
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    const checkout = await insideCheckout();
    await userEvent.click(checkout.getByRole('button', { name: 'Complete payment' }));
    await overlayGone();
    await waitFor(() => expect(canvas.getByText('Subscribed: conn_fake_1')).toBeInTheDocument());
    await expect(canvas.getByText('Open: no')).toBeInTheDocument();
  },
};

export const Cancel: Story = {
  name: 'Cancelled inside the checkout',
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    const checkout = await insideCheckout();
    await userEvent.click(checkout.getByRole('button', { name: 'Cancel' }));
    await overlayGone();
    await waitFor(() => expect(canvas.getByText('Cancelled')).toBeInTheDocument());
  },
};

export const Failure: Story = {
  name: 'Fails with a code: onError',
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    const checkout = await insideCheckout();
    await userEvent.click(checkout.getByRole('button', { name: 'Fail with a network error' }));
    await overlayGone();
    await waitFor(() => expect(canvas.getByText('Error: network')).toBeInTheDocument());
  },
};
