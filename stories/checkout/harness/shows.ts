import { expect, waitFor } from 'storybook/test';

/** Visible once the card's entrance animation (opacity from 0) has run. */
export async function shows(element: HTMLElement | Promise<HTMLElement>): Promise<void> {
  const found = await element;
  await waitFor(() => expect(found).toBeVisible());
}
