import { expect, waitFor, within } from 'storybook/test';

/** The checkout iframe the host SDK put over the page. */
export async function checkoutFrame(): Promise<HTMLIFrameElement> {
  const frame = await waitFor(() => {
    const found = document.querySelector<HTMLIFrameElement>('iframe[title="Lava checkout"]');
    if (!found) throw new Error('no checkout iframe yet');
    return found;
  });
  return frame;
}

/** Queries inside the (same-origin, story-local) fake checkout once it is revealed. */
export async function insideCheckout(): Promise<ReturnType<typeof within>> {
  const frame = await checkoutFrame();
  await waitFor(() => expect(frame.style.opacity).toBe('1'), { timeout: 5000 });
  const body = frame.contentDocument?.body;
  if (!body) throw new Error('the fake checkout has no document');
  return within(body);
}

export async function overlayGone(): Promise<void> {
  await waitFor(() => expect(document.querySelector('iframe[title="Lava checkout"]')).toBeNull(), { timeout: 5000 });
}
