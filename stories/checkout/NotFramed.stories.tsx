import type { Meta, StoryObj } from '@storybook/react-vite';
import { useLayoutEffect, useRef } from 'react';
import { expect } from 'storybook/test';
import { mountNotFramed } from './app/mount';
import { useStoryLocale } from './harness/use-story-locale';
import { shows } from './harness/shows';
import { dark, phone, phoneDark } from './harness/variants';

/** Holds the element the screen is mounted in (with Preact, as customers get it). */
function NotFramedPreview() {
  const locale = useStoryLocale();
  const element = useRef<HTMLDivElement>(null);
  const screen = useRef<ReturnType<typeof mountNotFramed> | null>(null);
  useLayoutEffect(() => {
    const mounted = mountNotFramed(element.current!);
    screen.current = mounted;
    return () => {
      screen.current = null;
      mounted.unmount();
    };
  }, []);
  useLayoutEffect(() => screen.current?.render(locale), [locale]);
  return <div ref={element} />;
}

/** The legacy checkout URL opened as a page of its own: nothing starts, the page says why. */
const meta = {
  title: 'Checkout/7 Legacy page outside a frame',
  component: NotFramedPreview,
} satisfies Meta<typeof NotFramedPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Refused: Story = {
  name: 'Refused',
  play: async ({ canvas }) => {
    await shows(await canvas.findByRole('heading', { name: "Open this checkout from the merchant's website" }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('only works inside the website that started it');
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};
export const RefusedDark: Story = { name: 'Refused (dark)', globals: dark };
export const RefusedPhone: Story = { name: 'Refused (phone)', globals: phone };
export const RefusedPhoneDark: Story = { name: 'Refused (phone, dark)', globals: phoneDark };
