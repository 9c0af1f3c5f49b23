import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { encodeToken } from '../../../src/contract/token';
import type { FakeCheckoutOptions } from '../../../src/testing/index';
import type { StaticServer } from '../support/static-server';
import { startCountingCheckoutOrigin, startScriptTagPage } from './merchant-site';

// A merchant's Playwright test of their own page: the testing entry's browser build is added as
// an init script, so the page's real SDK answers from the fake and never reaches a checkout.
// Resolved by the package's public name, as a merchant's test resolves it.
const TESTING_SCRIPT = createRequire(import.meta.url).resolve('@lavapayments/checkout/testing/browser');

let merchant: StaticServer;
let checkout: Awaited<ReturnType<typeof startCountingCheckoutOrigin>>;
test.beforeAll(async () => {
  [merchant, checkout] = await Promise.all([startScriptTagPage(), startCountingCheckoutOrigin()]);
});
test.afterAll(async () => {
  await Promise.all([merchant?.close(), checkout?.close()]);
});

/** Install the fake before the page's own scripts run; return every URL the page requests. */
async function withFakeCheckout(page: Page, options: FakeCheckoutOptions): Promise<string[]> {
  await page.addInitScript({ path: TESTING_SCRIPT });
  await page.addInitScript((fake) => {
    window.LavaCheckoutTesting.installFakeCheckout(fake);
  }, options);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

/** The merchant's backend: a real-looking token that points at the (counting) checkout origin. */
async function stubMerchantBackend(page: Page, connectionId = 'conn_fake'): Promise<void> {
  const token = encodeToken({ secret: 'cs_secret_playwright_0123', base: `${checkout.url}/` });
  await page.route(`${merchant.url}/api/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.startsWith('/api/checkout/')) return route.fulfill({ json: { checkout_session_token: token } });
    if (path === '/api/webhooks/received') {
      return route.fulfill({ json: { data: [{ id: 'evt_1', type: 'checkout.completed', connection_id: connectionId, checkout_session_id: 'cs_fake' }] } });
    }
    return route.fulfill({ json: { connection: { connection_id: connectionId, wallet: { balance: '25.00' } }, subscription: null } });
  });
}

// The page's declarative button (data-lava-checkout-endpoint): the SDK fetches the token from the
// merchant backend and opens the checkout itself.
const CHECKOUT_BUTTON = 'Create a wallet and add funds';

test('given the fake answers success, when the customer clicks the checkout button, then the page gets onSuccess with its connectionId and nothing reaches a checkout origin', async ({
  page,
}) => {
  const requests = await withFakeCheckout(page, { result: { status: 'success', connectionId: 'conn_fake', checkoutSessionId: 'cs_fake' } });
  await stubMerchantBackend(page);
  await page.goto(`${merchant.url}/script-tag.html`);

  await page.getByRole('button', { name: CHECKOUT_BUTTON }).click();

  await expect(page.getByTestId('callback')).toHaveText('onSuccess');
  await expect(page.getByTestId('connection-id')).toHaveText('conn_fake');
  await expect(page.getByTestId('webhook-status')).toHaveText('backend verified checkout.completed evt_1 for cs_fake');
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(requests.map((url) => new URL(url).origin)).not.toContain(checkout.url);
  expect(new Set(requests.map((url) => new URL(url).origin))).toEqual(new Set([merchant.url]));
  expect(checkout.requests).toEqual([]);
});

test('given the fake answers an error code, when the customer clicks the checkout button, then the page shows the error with its code', async ({
  page,
}) => {
  const requests = await withFakeCheckout(page, { result: { status: 'error', code: 'card_declined', message: 'Your card was declined.' } });
  await stubMerchantBackend(page);
  await page.goto(`${merchant.url}/script-tag.html`);

  await page.getByRole('button', { name: CHECKOUT_BUTTON }).click();

  await expect(page.getByTestId('callback')).toHaveText('onError card_declined: Your card was declined.');
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(new Set(requests.map((url) => new URL(url).origin))).toEqual(new Set([merchant.url]));
  expect(checkout.requests).toEqual([]);
});

test('given the fake answers cancel, when the customer clicks the page button that calls LavaCheckout.open itself, then the page shows onCancel and throws nothing', async ({
  page,
}) => {
  const requests = await withFakeCheckout(page, { result: { status: 'cancel' } });
  await stubMerchantBackend(page);
  await page.goto(`${merchant.url}/script-tag.html`);
  // Top up needs a saved connection: the page enables it only after a success.
  await expect(page.getByRole('button', { name: 'Top up the wallet' })).toBeDisabled();

  await page.getByRole('button', { name: 'Subscribe to a plan' }).click();

  await expect(page.getByTestId('callback')).toHaveText('onCancel: checkout closed');
  expect(new Set(requests.map((url) => new URL(url).origin))).toEqual(new Set([merchant.url]));
  expect(checkout.requests).toEqual([]);
});
