import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { at } from './harness/states';
import { dark } from './harness/variants';

/**
 * A merchant's accent, in both themes (every story is an axe check in light and dark): the
 * button text and the accent drawn as text must read even for a black or a yellow brand colour.
 */
const meta = {
  title: 'Checkout/Merchant accent',
  component: CheckoutPreview,
  args: { state: at('code') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The accent as the browser resolved it: the ink of the link, the text of the primary button. */
async function colours(canvas: { findByRole: (role: string, options: { name: RegExp }) => Promise<HTMLElement> }) {
  const link = await canvas.findByRole('button', { name: /Change number/ });
  const primary = await canvas.findByRole('button', { name: /Verify/ });
  return { link: getComputedStyle(link).color, primaryText: getComputedStyle(primary).color, primaryFill: getComputedStyle(primary).backgroundColor };
}

export const Black: Story = {
  name: 'Black accent (code step)',
  args: { accent: '#000000' },
  play: async ({ canvas }) => {
    await expect(await colours(canvas)).toEqual({ link: 'rgb(0, 0, 0)', primaryText: 'rgb(255, 255, 255)', primaryFill: 'rgb(0, 0, 0)' });
  },
};
export const BlackDark: Story = {
  name: 'Black accent (code step, dark)',
  args: { accent: '#000000' },
  globals: dark,
  play: async ({ canvas }) => {
    const { link, primaryText } = await colours(canvas);
    // The link is lightened to read on the dark background; the button keeps black with white text.
    await expect(link).not.toBe('rgb(0, 0, 0)');
    await expect(primaryText).toBe('rgb(255, 255, 255)');
  },
};
export const Yellow: Story = { name: 'Yellow accent (code step)', args: { accent: 'gold' } };
export const YellowDark: Story = { name: 'Yellow accent (code step, dark)', args: { accent: 'gold' }, globals: dark };
export const YellowPlan: Story = { name: 'Yellow accent (plan)', args: { accent: 'gold', state: at('plan', 'subscription') } };
