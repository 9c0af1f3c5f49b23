import type { FrameLocator } from '@playwright/test';
import { expectPhoneLayout } from '../a11y/layout-checks';
import { expect } from '../support/test';

export interface ClipReport {
  /** The card scrolls on its own (overflow-y: auto makes it a horizontal scroller too). */
  card: { scrollWidth: number; clientWidth: number };
  /** Buttons, fields, labels, legends and headings measured. */
  measured: number;
  /** "<tag> <name>: <what>", for each one outside the viewport or whose text overflows its box. */
  clipped: string[];
}

/**
 * Every visible control (and the text that names one, and the heading) lies inside the frame's
 * viewport, and a button's, label's or heading's text fits its box (scrollWidth <= clientWidth).
 */
export function findClipped(frame: FrameLocator): Promise<ClipReport> {
  return frame.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const win = doc.defaultView!;
    const clipped: string[] = [];
    let measured = 0;
    const name = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60);
    for (const el of Array.from(doc.querySelectorAll<HTMLElement>('button, input, select, textarea, label, legend, h1'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || win.getComputedStyle(el).visibility === 'hidden') continue;
      // Text kept for screen readers only is clipped on purpose.
      if (el.closest('.lava-visually-hidden')) continue;
      measured++;
      const what = `${el.tagName.toLowerCase()} "${name(el) || (el as HTMLInputElement).labels?.[0]?.textContent || el.id}"`;
      if (rect.left < -0.5 || rect.right > win.innerWidth + 0.5) {
        clipped.push(`${what}: spans ${Math.round(rect.left)}..${Math.round(rect.right)}, the viewport 0..${win.innerWidth}`);
      }
      const isField = el.matches('input, select, textarea');
      if (!isField && el.scrollWidth > el.clientWidth + 0.5) {
        clipped.push(`${what}: text ${el.scrollWidth} px wide in a box of ${el.clientWidth} px`);
      }
    }
    const card = doc.querySelector<HTMLElement>('.lava-card');
    return {
      card: { scrollWidth: card?.scrollWidth ?? 0, clientWidth: card?.clientWidth ?? 0 },
      measured,
      clipped,
    };
  });
}

/**
 * At phone size, in a long language: the phone-size checks (no horizontal scroll in the document,
 * 44 px targets, the card full screen), no sideways scroll inside the card, and nothing clipped.
 */
export async function expectFits(frame: FrameLocator, step: string): Promise<void> {
  await expectPhoneLayout(frame, step);
  const report = await findClipped(frame);
  expect(report.card.scrollWidth, `${step}: the card scrolls sideways`).toBeLessThanOrEqual(report.card.clientWidth);
  expect(report.measured, `${step}: elements measured`).toBeGreaterThan(0);
  expect(report.clipped, `${step}: clipped or overflowing`).toEqual([]);
}
