import type { Page, Route } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { merchantLog } from '../flow/merchant';
import { attackWorldPerFile, record } from './support';

const world = attackWorldPerFile();
/** Shorter than the documented 15 s default, so the test is quick; the code is the same. */
const TIMEOUT_MS = 2_500;

/** What "the page as it was" means: the body's markup, the root's and body's inline styles, the focused element. */
const pageState = (page: Page) =>
  page.evaluate(() => ({
    body: document.body.innerHTML,
    // An emptied style attribute is the same page as none.
    htmlStyle: document.documentElement.getAttribute('style') || null,
    bodyStyle: document.body.getAttribute('style'),
    overflow: getComputedStyle(document.documentElement).overflow,
    focused: document.activeElement?.tagName,
  }));

/** The checkout page never answers. */
const stall = (_route: Route) => new Promise<void>(() => {});

/** The merchant's page, focused, with the checkout page faulted: a session's token and the page's state before opening. */
async function merchantPageWithFault(page: Page, fault: (route: Route) => Promise<void>) {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  await page.route(`${world.sandbox.url}/embed/checkout**`, fault);
  await page.goto(`${world.merchant.url}/`);
  await page.locator('h1').click();
  return { token: session.token, before: await pageState(page) };
}

/** No iframe is left and the page is as it was before opening. */
async function expectPageAsItWas(page: Page, before: Awaited<ReturnType<typeof pageState>>) {
  await expect(page.locator('iframe')).toHaveCount(0);
  const after = await pageState(page);
  expect({ ...after, body: after.body.replace(/<iframe[^>]*><\/iframe>/g, '') }).toEqual(before);
}

for (const [name, fault, status] of [
  ['returns 404', (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }), 404],
  ['stalls', stall, null],
] as const) {
  test(`given the checkout page ${name}, then onError reports load_timeout within the timeout and the page is left as it was`, async ({ page }) => {
    if (status) expectFailedLoad(`${world.sandbox.url}/embed/checkout`, status, { why: 'this test answers the checkout page with it' });
    const { token, before } = await merchantPageWithFault(page, fault);
    await page.evaluate(([token, timeout]) => (window as unknown as { openCheckout(t: string, o: object): void }).openCheckout(token as string, { timeout }), [token, TIMEOUT_MS] as const);
    await expect
      .poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'error').map((e) => e.code), { timeout: TIMEOUT_MS + 5_000 })
      .toEqual(['load_timeout']);
    const terminal = (await merchantLog(page)).filter((e) => e.kind === 'success' || e.kind === 'cancel' || e.kind === 'error');
    record(`load-faults (checkout page ${name})`, 1, terminal.length === 1 ? 0 : 1, 'wrong outcomes');
    expect(terminal).toHaveLength(1);
    await expectPageAsItWas(page, before);
  });
}

test('given the checkout page stalls, when the customer presses Escape, then the checkout cancels and the page is left as it was', async ({ page }) => {
  const { token, before } = await merchantPageWithFault(page, stall);
  await page.evaluate((token) => (window as unknown as { openCheckout(t: string): void }).openCheckout(token), token);
  await expect(page.getByRole('status', { name: 'Loading checkout' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'cancel' || e.kind === 'error').map((e) => e.kind)).toEqual(['cancel']);
  await expectPageAsItWas(page, before);
});
