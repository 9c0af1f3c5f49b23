import type { Frame } from '@playwright/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, STEP_TIMEOUT } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { expect, test } from '../support/test';
import { openNewSession, startMerchant } from '../flow/merchant';

// A cold open of the production checkout: its page is the only request before the phone field is
// drawn (the first script is inside it, scripts/inline-first-script.ts), /start goes out after
// that, and what is loaded later still runs on the first script's modules (the country list and
// the countries' names are chunks of their own). Requests are counted, never timed.
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });

/** In the checkout frame: when the phone field was first in the document (ms since the frame's time origin). */
const DRAWN_PROBE = `(() => {
  if (window === window.top) return;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('input[type="tel"]')) return;
    window.__phoneDrawnAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Loaded {
  drawnAt: number | undefined;
  page: string;
  before: string[];
  after: string[];
  scripts: { inlineModules: number; withSrc: number };
}

function loadedBy(frame: Frame): Promise<Loaded> {
  return frame.evaluate(() => {
    const drawnAt = (window as unknown as { __phoneDrawnAt?: number }).__phoneDrawnAt;
    const resources = performance.getEntriesByType('resource');
    const path = (entry: PerformanceEntry) => new URL(entry.name).pathname;
    const at = drawnAt ?? Number.POSITIVE_INFINITY;
    return {
      drawnAt,
      page: path(performance.getEntriesByType('navigation')[0]!),
      before: resources.filter((r) => r.startTime < at).map(path),
      after: resources.filter((r) => r.startTime >= at).map(path),
      scripts: {
        inlineModules: document.querySelectorAll('script[type="module"]:not([src])').length,
        withSrc: document.querySelectorAll('script[src]').length,
      },
    };
  });
}

test('given a cold open, then the page is the one request before the phone field is drawn, /start follows, and later chunks run on the page’s modules', async ({ page }) => {
  await page.context().addInitScript(DRAWN_PROBE);
  await openNewSession(page, servers, { mode: 'onboarding', reference_id: 'first_paint_1' });
  const frame = checkoutFrame(page);
  const phone = frame.getByLabel('Phone number', { exact: true });
  await expect(phone).toBeFocused({ timeout: STEP_TIMEOUT });
  const checkout = page.frames().find((f) => f.url().includes('/embed/checkout'));
  expect(checkout).toBeDefined();
  await expect.poll(async () => (await loadedBy(checkout!)).after, { timeout: STEP_TIMEOUT }).toContain('/api/flow/start');

  const loaded = await loadedBy(checkout!);
  expect(loaded.drawnAt).toBeGreaterThan(0);
  expect(loaded.page).toBe('/embed/checkout');
  expect(loaded.scripts).toEqual({ inlineModules: 1, withSrc: 0 });
  // Nothing but the page before the field: no script, stylesheet, font or API call (the phone
  // tools and the names come after the first paint, /start after the field).
  expect(loaded.before).toEqual([]);

  // The country list and the names are lazy chunks that take Preact and the strings from the
  // first script: a second copy of them would not render into this tree.
  await frame.getByRole('button', { name: /^Country: / }).click();
  const listbox = frame.getByRole('listbox', { name: 'Country' });
  await expect(listbox).toBeVisible({ timeout: STEP_TIMEOUT });
  await frame.getByRole('combobox').fill('germ');
  await expect(listbox.getByRole('option', { name: /Germany/ })).toBeVisible();
  await listbox.getByRole('option', { name: /Germany/ }).click();
  await expect(frame.getByRole('button', { name: 'Country: Germany (+49)' })).toBeVisible();
  await expect(phone).toBeFocused();
  const chunks = (await loadedBy(checkout!)).after.filter((path) => path.startsWith('/checkout-app/assets/'));
  expect(chunks.some((path) => /\/CountryList-[\w-]+\.js$/.test(path))).toBe(true);
  expect(chunks.some((path) => /\/named-countries-[\w-]+\.js$/.test(path))).toBe(true);
});
