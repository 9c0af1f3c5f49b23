import type { FrameLocator } from '@playwright/test';
import { expect } from '../support/test';

export interface LayoutReport {
  scrollWidth: number;
  clientWidth: number;
  /** Visible controls measured. */
  controls: number;
  /** Visible controls smaller than 44x44 CSS px: "<tag> <name> <w>x<h>". */
  smallTargets: string[];
  card: { left: number; right: number; top: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
}

/** Measure the checkout document: horizontal overflow, tap targets, where the card sits. */
export function measure(frame: FrameLocator): Promise<LayoutReport> {
  return frame.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const scroller = doc.scrollingElement ?? html;
    const win = doc.defaultView!;
    const controls = Array.from(doc.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])'));
    const smallTargets: string[] = [];
    let measured = 0;
    for (const control of controls) {
      // A checkbox or radio is tapped through the label row around it.
      const target = control.matches('input[type="checkbox"], input[type="radio"]') ? (control.closest('label') ?? control) : control;
      const rect = target.getBoundingClientRect();
      const style = win.getComputedStyle(target);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      measured++;
      if (rect.width < 44 || rect.height < 44) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.id;
        smallTargets.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(rect.width)}x${Math.round(rect.height)}`);
      }
    }
    const card = doc.querySelector('.lava-card')?.getBoundingClientRect();
    return {
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      controls: measured,
      smallTargets,
      card: card
        ? { left: card.left, right: card.right, top: card.top, bottom: card.bottom, width: card.width, height: card.height }
        : { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 },
      viewport: { width: win.innerWidth, height: win.innerHeight },
    };
  });
}

/** At phone size: no horizontal scroll, every tap target at least 44 px, the card full screen. */
export async function expectPhoneLayout(frame: FrameLocator, step: string): Promise<void> {
  const report = await measure(frame);
  expect(report.scrollWidth, `${step}: horizontal overflow`).toBeLessThanOrEqual(report.clientWidth);
  expect(report.controls, `${step}: controls measured`).toBeGreaterThan(0);
  expect(report.smallTargets, `${step}: tap targets under 44 px`).toEqual([]);
  expect(report.card.width, `${step}: the card spans the screen`).toBeGreaterThanOrEqual(report.viewport.width - 1);
  expect(report.card.left, `${step}: the card starts at the left edge`).toBeLessThanOrEqual(0.5);
}
