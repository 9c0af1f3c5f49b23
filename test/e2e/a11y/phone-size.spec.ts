import type { FrameLocator, Page } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { expectPhoneLayout } from './layout-checks';
import { checkoutFrame, merchantLog, STEP_TIMEOUT, setToken, startMerchantPage } from './merchant-page';

// At 360x640 the checkout has no horizontal overflow on any step, tap targets
// are at least 44 px, and the card takes the whole screen.
let clock = Date.now();
const servers = checkoutServersPerFile(() => startTestSandbox({ now: () => clock }), startMerchantPage);

test.use({ locale: 'en-US', viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });

type Mode = 'subscription' | 'onboarding';

async function open(page: Page, mode: Mode, origin = servers.merchant.url): Promise<{ frame: FrameLocator; token: string }> {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession(
    mode === 'subscription' ? { origin, mode, subscription_config_id: 'subconf_pro' } : { origin, mode },
  );
  await setToken(page, session.token);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  return { frame: checkoutFrame(page), token: session.token };
}

async function step(frame: FrameLocator, heading: string | RegExp, name: string): Promise<void> {
  await expect(frame.getByRole('heading', { name: heading })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expectPhoneLayout(frame, name);
}

async function fillCard(frame: FrameLocator, number: string): Promise<void> {
  const card = frame.getByLabel('Card number');
  await card.fill(number);
  await frame.getByLabel('Expiry (MM/YY)').fill('12 / 34');
  await frame.getByLabel('CVC').fill('123');
}

test('given a 360x640 screen, when a new customer subscribes, then no step scrolls sideways and every target is 44 px', async ({ page }) => {
  const { frame } = await open(page, 'subscription');
  await step(frame, 'Enter your phone number', 'phone');
  await frame.getByLabel('Phone number', { exact: true }).fill('2015550150');
  await frame.getByRole('button', { name: 'Send code' }).click();
  await expect(frame.getByLabel('Phone number', { exact: true })).toHaveCount(0, { timeout: STEP_TIMEOUT });
  await step(frame, 'Enter the code', 'code');
  await frame.getByLabel('Verification code').fill('000000');
  await step(frame, 'Create your Lava wallet', 'wallet');
  await frame.getByRole('button', { name: 'Create wallet' }).click();
  await expectPhoneLayout(frame, 'wallet with field errors');
  await frame.getByLabel('First name').fill('Pia');
  await frame.getByLabel('Last name').fill('Phone');
  await frame.getByLabel('Email').fill('pia@example.com');
  await frame.getByRole('button', { name: 'Create wallet' }).click();
  await step(frame, 'Your plan', 'plan');
  await frame.getByRole('button', { name: 'Continue to payment' }).click();
  await step(frame, 'Payment', 'payment');
  await fillCard(frame, '4000 0000 0000 0002');
  await frame.getByRole('button', { name: /^Subscribe/ }).click();
  await expect(frame.getByRole('alert').filter({ hasText: /declined/i })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expectPhoneLayout(frame, 'payment declined');
  await fillCard(frame, '4000 0025 0000 3155');
  await frame.getByRole('button', { name: /^Subscribe/ }).click();
  await step(frame, 'Confirm this payment', '3-D Secure challenge');
  await frame.getByRole('button', { name: 'Approve' }).click();
  await step(frame, 'All set', 'done');
  await expect.poll(async () => (await merchantLog(page)).some((e) => e.kind === 'success'), { timeout: STEP_TIMEOUT }).toBe(true);
});

test('given a 360x640 screen, then the phone step fits without scrolling and its open country list fits inside the frame', async ({ page }) => {
  const { frame } = await open(page, 'onboarding');
  await step(frame, 'Enter your phone number', 'phone');
  const card = frame.locator('.lava-card');
  const overflow = () => card.evaluate((element) => element.scrollHeight - element.clientHeight);
  expect(await overflow(), 'the phone step scrolls').toBeLessThanOrEqual(0);
  const button = frame.getByRole('button', { name: 'Country: United States (+1)' });
  await button.click();
  const listbox = frame.getByRole('listbox', { name: 'Country' });
  await expect(listbox).toBeVisible();
  await expectPhoneLayout(frame, 'country list open');
  const popup = await frame.locator('.lava-country-popup').evaluate((element) => {
    const box = element.getBoundingClientRect();
    const html = element.ownerDocument.documentElement;
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: innerHeight, width: html.clientWidth };
  });
  expect(popup.top).toBeGreaterThanOrEqual(0);
  expect(popup.bottom).toBeLessThanOrEqual(popup.height);
  expect(popup.left).toBeGreaterThanOrEqual(0);
  expect(popup.right).toBeLessThanOrEqual(popup.width);
  expect(await overflow(), 'the open list makes the card scroll').toBeLessThanOrEqual(0);
  expect(await listbox.evaluate((element) => element.scrollHeight > element.clientHeight), 'the list scrolls inside itself').toBe(true);
  await frame.getByRole('combobox', { name: 'Search countries' }).pressSequentially('germ');
  await page.keyboard.press('Enter');
  await expect(listbox).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Country: Germany (+49)' })).toBeVisible();
  await expect(frame.getByLabel('Phone number', { exact: true })).toBeFocused();
});

test('given a 360x640 screen, when a customer adds funds, then the amount step fits too', async ({ page }) => {
  const { frame } = await open(page, 'onboarding');
  await frame.getByLabel('Phone number', { exact: true }).fill('2015550151');
  await frame.getByRole('button', { name: 'Send code' }).click();
  await frame.getByLabel('Verification code').fill('000000');
  await frame.getByLabel('First name').fill('Ama');
  await frame.getByLabel('Last name').fill('Amount');
  await frame.getByLabel('Email').fill('ama@example.com');
  await frame.getByRole('button', { name: 'Create wallet' }).click();
  await step(frame, 'Add funds', 'amount');
  await frame.getByLabel('Other amount (USD)').fill('2000');
  await frame.getByRole('button', { name: 'Continue to payment' }).click();
  await expectPhoneLayout(frame, 'amount out of range');
});

test('given a 360x640 screen, when the session cannot go on, then every failure screen fits', async ({ page }) => {
  const start = `${servers.sandbox.url}/api/flow/start`;
  // Origin mismatch: the session was made for another page.
  expectFailedLoad(start, 403, { why: 'the sandbox refuses a session made for another page (origin_mismatch)' });
  let { frame } = await open(page, 'subscription', 'https://elsewhere.example');
  await step(frame, "This checkout can't continue", 'failure: origin_mismatch');

  // Network: the flow API cannot be reached.
  expectFailedLoad(start, 'net::ERR_INTERNET_DISCONNECTED', { why: 'this test aborts every flow API request' });
  await page.route(/\/api\/flow\//, (route) => route.abort('internetdisconnected'));
  ({ frame } = await open(page, 'subscription'));
  await step(frame, 'Connection lost', 'failure: network');
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  // Expired: the sandbox clock moves past the session lifetime.
  expectFailedLoad(start, 410, { why: 'the sandbox clock is moved past the session lifetime (session_expired)' });
  const expired = await open(page, 'subscription');
  await expect(expired.frame.getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: STEP_TIMEOUT });
  clock += 24 * 60 * 60 * 1000;
  await page.goto(`${servers.merchant.url}/`);
  await setToken(page, expired.token);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await step(expired.frame, "This checkout can't continue", 'failure: session_expired');
  await expect(expired.frame.getByRole('alert')).toHaveText(/expired/);
});

test('given reduced motion, then the checkout card does not animate in', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { frame } = await open(page, 'subscription');
  await expect(frame.getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: STEP_TIMEOUT });
  const animation = await frame.locator('.lava-card').evaluate((card) => getComputedStyle(card).animationName);
  expect(animation).toBe('none');
});
