import type { FrameLocator, Page } from '@playwright/test';

/*
 * What every merchant test page shares with the suites that drive it (Playwright here, the
 * engine driver in test/engines): where the checkout frame is, how long a step may take, and the
 * log the page keeps of its callbacks.
 */

/** The checkout iframe the host SDK put on the merchant page (the 0.1.3 embed's too). */
export const CHECKOUT_FRAME = 'iframe[src*="/embed/checkout"]';

/** How long one step of the checkout may take to appear. */
export const STEP_TIMEOUT = 15_000;

/** One thing the merchant page saw: a callback (`success`, `cancel`, `error`, …) or an `event`. */
export type LogEntry = Record<string, unknown> & { kind: string };

/** Runs in the merchant page: every callback and event it logged in `window.__log`, in order. */
export function readMerchantLog(): unknown[] {
  return (window as unknown as { __log?: unknown[] }).__log ?? [];
}

export function merchantLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(readMerchantLog) as Promise<LogEntry[]>;
}

export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator(CHECKOUT_FRAME);
}
