import type { FrameLocator } from '@playwright/test';

/*
 * Closing removes the cross-origin frame. When that happens while Playwright's real input event
 * is still waiting for the frame's acknowledgement, the input call never returns, so the two
 * closing gestures are dispatched inside the frame instead (the app's own handlers still run).
 */

/** Press the dialog's close button. */
export async function pressClose(frame: FrameLocator, which: 'first' | 'last' = 'first'): Promise<void> {
  const buttons = frame.getByRole('button', { name: 'Close checkout' });
  await ignoreDetach((which === 'first' ? buttons.first() : buttons.last()).evaluate((button) => (button as HTMLButtonElement).click()));
}

/** Press Escape on the element that has focus. */
export async function pressEscape(frame: FrameLocator): Promise<void> {
  await ignoreDetach(
    frame.locator('body').evaluate((body) => {
      const target = body.ownerDocument.activeElement ?? body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    }),
  );
}

/** The gesture worked if the frame went away before the answer came back. */
export async function ignoreDetach(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!String(error).includes('Frame was detached')) throw error;
  }
}
