import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { checkoutFrame, insideCheckout, overlayGone } from './frame';
import { OverlayDemo } from './OverlayDemo';

/** The framework-free SDK's overlay over a merchant page, framing a story-local fake checkout. */
const meta = {
  title: 'Host/Overlay',
  component: OverlayDemo,
  args: { checkout: 'fake' },
} satisfies Meta<typeof OverlayDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

const page = within(document.body);

export const Loading: Story = {
  name: 'Loading state (checkout not ready yet)',
  args: { checkout: 'silent' },
  play: async ({ canvas }) => {
    const subscribe = canvas.getByRole('button', { name: 'Subscribe' });
    await userEvent.click(subscribe);
    await expect(await page.findByRole('status', { name: 'Loading checkout' })).toBeInTheDocument();
    await expect(page.getByRole('dialog', { name: 'Lava checkout' })).toHaveFocus();
    await expect((await checkoutFrame()).style.opacity).toBe('0');
    // The merchant closes it while it is still loading (handle.close()).
    canvas.getByRole('button', { name: 'Close from the page' }).click();
    await overlayGone();
    await expect(canvas.getByText('Cancelled')).toBeInTheDocument();
    await expect(subscribe).toHaveFocus();
  },
};

export const Ready: Story = {
  name: 'Ready, then completed',
  play: async ({ canvas }) => {
    const subscribe = canvas.getByRole('button', { name: 'Subscribe' });
    await userEvent.click(subscribe);
    const checkout = await insideCheckout();
    await expect(checkout.getByRole('heading', { name: 'Fake checkout' })).toBeInTheDocument();
    await userEvent.click(checkout.getByRole('button', { name: 'Complete payment' }));
    await overlayGone();
    await expect(canvas.getByText('Subscribed: conn_fake_1')).toBeInTheDocument();
    await expect(subscribe).toHaveFocus();
    await expect(document.documentElement.style.overflow).toBe('');
  },
};

export const LoadTimeout: Story = {
  name: 'Never ready: load_timeout',
  args: { checkout: 'silent', timeout: 300 },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(canvas.getByText('Error: load_timeout')).toBeInTheDocument(), { timeout: 5000 });
    await overlayGone();
  },
};

/** Left open for viewing: the host-drawn loading state over the page. */
export const LoadingOpen: Story = {
  name: 'Loading state, left open',
  args: { checkout: 'silent' },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    await expect(await page.findByRole('status', { name: 'Loading checkout' })).toBeInTheDocument();
  },
};

/** Left open for viewing at phone size: the fake checkout inside the overlay. */
export const ReadyOpenPhone: Story = {
  name: 'Ready, left open (phone)',
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subscribe' }));
    const checkout = await insideCheckout();
    await expect(checkout.getByRole('button', { name: 'Complete payment' })).toBeInTheDocument();
  },
};

/** A fresh open after one was left open still works: unmounting a story tears its overlay down. */
export const AfterOneLeftOpen: Story = { ...Ready, name: 'Ready, after a story left one open' };

/** One checkout at a time: a second open() while one is showing reports already_open. */
export const AlreadyOpen: Story = {
  name: 'Second open: already_open',
  play: async ({ canvas }) => {
    const subscribe = canvas.getByRole('button', { name: 'Subscribe' });
    await userEvent.click(subscribe);
    await insideCheckout();
    subscribe.click();
    await waitFor(() => expect(canvas.getByText('Error: already_open')).toBeInTheDocument());
    await expect(await checkoutFrame()).toBeInTheDocument();
  },
};
