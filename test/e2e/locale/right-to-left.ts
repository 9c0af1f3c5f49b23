import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect } from '../support/test';

/** axe (WCAG 2.0/2.1 A and AA) over the merchant page and the checkout frame in it. */
export async function expectNoAxeViolations(page: Page, frame: FrameLocator, step: string): Promise<void> {
  // Colours are measured at full opacity: the card's entrance animation has finished.
  await frame.locator('.lava-card').evaluate((card) => Promise.all(card.getAnimations().map((a) => a.finished)));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `${step}: axe violations`).toEqual([]);
}

export interface MirrorReport {
  headingDirection: string;
  /** The heading's first line of text against the heading's box. */
  heading: { textLeft: number; textRight: number; boxLeft: number; boxRight: number };
  /** The header: the close button and the merchant's name. */
  close: { left: number; right: number };
  merchant: { left: number; right: number };
}

/** Where the step's heading text and the header's parts sit, in the frame. */
export function measureMirror(frame: FrameLocator): Promise<MirrorReport> {
  return frame.locator('.lava-card').evaluate((card) => {
    const heading = card.querySelector('h1')!;
    const range = heading.ownerDocument.createRange();
    range.selectNodeContents(heading);
    // A line of mixed scripts ("أنشئ محفظة Lava") is several rects, one per direction run.
    const rects = Array.from(range.getClientRects());
    const top = Math.min(...rects.map((r) => r.top));
    const first = rects.filter((r) => r.top < top + 2);
    const line = { left: Math.min(...first.map((r) => r.left)), right: Math.max(...first.map((r) => r.right)) };
    const box = heading.getBoundingClientRect();
    const close = card.querySelector('.lava-close')!.getBoundingClientRect();
    const merchant = card.querySelector('.lava-merchant')!.getBoundingClientRect();
    return {
      headingDirection: getComputedStyle(heading).direction,
      heading: { textLeft: line.left, textRight: line.right, boxLeft: box.left, boxRight: box.right },
      close: { left: close.left, right: close.right },
      merchant: { left: merchant.left, right: merchant.right },
    };
  });
}

/**
 * The step is laid out right to left: its heading reads from the right edge (with room left over
 * on the left; the success screen centres its heading instead) and the header is mirrored (the
 * close button on the left of the merchant's name, the name lined up with the heading).
 */
export async function expectMirrored(frame: FrameLocator, step: string, { centred = false } = {}): Promise<void> {
  const m = await measureMirror(frame);
  expect(m.headingDirection, `${step}: heading direction`).toBe('rtl');
  expect(m.close.right, `${step}: the close button is left of the merchant's name`).toBeLessThanOrEqual(m.merchant.left);
  if (centred) return;
  expect(Math.abs(m.merchant.right - m.heading.boxRight), `${step}: the merchant's name lines up with the heading on the right`).toBeLessThanOrEqual(1);
  expect(Math.abs(m.heading.textRight - m.heading.boxRight), `${step}: the heading starts at the right edge`).toBeLessThanOrEqual(1);
  expect(m.heading.textLeft - m.heading.boxLeft, `${step}: the heading leaves its room on the left`).toBeGreaterThan(8);
}

/** Each field, found by its label, is written left to right (computed `direction: ltr`). */
export async function expectLeftToRight(frame: FrameLocator, labels: string[], step: string): Promise<void> {
  for (const label of labels) {
    const field = frame.getByLabel(label, { exact: true });
    await expect(field, `${step}: ${label}`).toBeVisible();
    expect(await field.evaluate((el) => getComputedStyle(el).direction), `${step}: direction of "${label}"`).toBe('ltr');
  }
}
