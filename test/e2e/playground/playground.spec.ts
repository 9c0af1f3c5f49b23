import type { Page } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { checkoutFrame, chooseAmount, continueToPayment, createWallet, onboardAndPay, payWithTestCard, verifyPhone } from '../support/checkout-steps';
import { type LaunchedPlayground, launchPlayground } from './launch';

// The playground as `npm run playground` starts it (sandbox, merchant backend on
// @lavapayments/nodejs, Vite merchant page), on free ports and a throwaway data dir.
let playground: LaunchedPlayground;

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  playground = await launchPlayground();
});

test.afterAll(async () => {
  await playground?.stop();
});

/**
 * A playground page. Its HTML names no icon, so Chromium asks Vite for /favicon.ico and logs the
 * 404 (when it asks: not on every load).
 */
async function goToPlayground(page: Page, path: string): Promise<void> {
  expectFailedLoad(`${playground.webUrl}/favicon.ico`, 404, { why: "the playground's pages name no icon and Vite has none to serve", times: 'maybe' });
  await page.goto(`${playground.webUrl}${path}`);
}

/** After onSuccess: the page shows the result, and the backend verified this checkout's webhook. */
async function expectCompleted(page: Page): Promise<{ connectionId: string; checkoutSessionId: string }> {
  await expect(page.getByTestId('callback')).toHaveText('onSuccess', { timeout: 30_000 });
  const connectionId = (await page.getByTestId('connection-id').textContent()) ?? '';
  const checkoutSessionId = (await page.getByTestId('checkout-session-id').textContent()) ?? '';
  expect(connectionId).toMatch(/^conn_/);
  expect(checkoutSessionId).toMatch(/^cs_/);
  await expect(page.getByTestId('webhook-status')).toHaveText(new RegExp(`^backend verified checkout\\.completed evt_\\w+ for ${checkoutSessionId}$`), {
    timeout: 20_000,
  });
  // The backend's own record: it verified the signature of a checkout.completed for this session.
  const received = await playground.received();
  expect(received.some((w) => w.type === 'checkout.completed' && w.checkout_session_id === checkoutSessionId)).toBe(true);
  expect(playground.output()).toContain(`verified webhook checkout.completed`);
  await expect(page.locator('iframe[src*="/embed/checkout"]')).toHaveCount(0);
  return { connectionId, checkoutSessionId };
}

test('useLavaCheckout page: onboarding then top-up, each to onSuccess with a verified webhook', async ({ page }) => {
  await goToPlayground(page, '/');
  await expect(page.getByText('4242 4242 4242 4242')).toBeVisible();

  await page.getByRole('button', { name: 'Create a wallet and add funds' }).click();
  const frame = checkoutFrame(page);
  await onboardAndPay(frame, { phone: '+12015550141', firstName: 'Ada', amount: '25.00' });
  const first = await expectCompleted(page);
  await expect(page.getByTestId('wallet-balance')).toHaveText('$25.00');

  await page.getByRole('button', { name: 'Top up the wallet' }).click();
  await verifyPhone(frame, '+12015550141');
  await chooseAmount(frame, '10.00');
  await payWithTestCard(frame);
  const second = await expectCompleted(page);
  expect(second.connectionId).toBe(first.connectionId);
  expect(second.checkoutSessionId).not.toBe(first.checkoutSessionId);
  await expect(page.getByTestId('wallet-balance')).toHaveText('$35.00');
});

test('<LavaCheckout> page: subscription then a credit bundle, each to onSuccess with a verified webhook', async ({ page }) => {
  await goToPlayground(page, '/component.html');

  await page.getByRole('button', { name: 'Subscribe to a plan' }).click();
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '+12015550142');
  await createWallet(frame, 'Grace');
  await continueToPayment(frame);
  await payWithTestCard(frame);
  await expectCompleted(page);
  await expect(page.getByTestId('subscription')).toHaveText(/\(active\)/);

  await page.getByRole('button', { name: 'Buy a credit bundle' }).click();
  await verifyPhone(frame, '+12015550142');
  await continueToPayment(frame);
  await payWithTestCard(frame);
  await expectCompleted(page);
});

test('script-tag page: a declarative onboarding button reaches onSuccess with a verified webhook', async ({ page }) => {
  await goToPlayground(page, '/script-tag.html');
  await expect(page.getByText('000000').first()).toBeVisible();

  await page.getByRole('button', { name: 'Create a wallet and add funds' }).click();
  const frame = checkoutFrame(page);
  await onboardAndPay(frame, { phone: '+12015550143', firstName: 'Linus', amount: '50.00' });
  await expectCompleted(page);
  await expect(page.getByTestId('wallet-balance')).toHaveText('$50.00');
});
