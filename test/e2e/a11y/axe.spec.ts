import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { checkoutFrame, STEP_TIMEOUT, setToken, startMerchantPage } from './merchant-page';

// The built checkout app inside the host overlay, checked by axe (WCAG 2.0/2.1 A and AA) on each
// step of a subscription, in the light and the dark theme. The stories check every state; this
// checks the real thing, across the two origins.
const servers = checkoutServersPerFile(startTestSandbox, startMerchantPage);

test.use({ locale: 'en-US' });
// Seven axe runs across two origins per test.
test.setTimeout(120_000);

async function expectNoViolations(page: Page, step: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `${step}: axe violations`).toEqual([]);
}

async function at(page: Page, frame: FrameLocator, heading: string, step: string): Promise<void> {
  await expect(frame.getByRole('heading', { name: heading })).toBeVisible({ timeout: STEP_TIMEOUT });
  // Let the entrance animation finish so colours are measured at full opacity.
  await frame.locator('.lava-card').evaluate((card) => Promise.all(card.getAnimations().map((a) => a.finished)));
  await expectNoViolations(page, step);
}

for (const theme of ['light', 'dark'] as const) {
  test(`given the ${theme} theme, then every subscription step passes axe`, async ({ page }) => {
    await page.goto(`${servers.merchant.url}/`);
    const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'subscription', subscription_config_id: 'subconf_pro' });
    await setToken(page, session.token, { theme });
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const frame = checkoutFrame(page);

    await expect(frame.locator('html')).toHaveAttribute('data-theme', theme, { timeout: STEP_TIMEOUT });
    await at(page, frame, 'Enter your phone number', 'phone');
    await frame.getByLabel('Phone number', { exact: true }).fill(theme === 'light' ? '2015550160' : '2015550161');
    await frame.getByRole('button', { name: 'Send code' }).click();
    await at(page, frame, 'Enter the code', 'code');
    await frame.getByLabel('Verification code').fill('000000');
    await at(page, frame, 'Create your Lava wallet', 'wallet');
    await frame.getByRole('button', { name: 'Create wallet' }).click();
    await expectNoViolations(page, 'wallet with field errors');
    await frame.getByLabel('First name').fill('Axel');
    await frame.getByLabel('Last name').fill('Axe');
    await frame.getByLabel('Email').fill(`axel-${theme}@example.com`);
    await frame.getByRole('button', { name: 'Create wallet' }).click();
    await at(page, frame, 'Your plan', 'plan');
    await frame.getByRole('button', { name: 'Continue to payment' }).click();
    await at(page, frame, 'Payment', 'payment');
    await frame.getByLabel('Card number').fill('4000 0000 0000 0002');
    await frame.getByLabel('Expiry (MM/YY)').fill('12 / 34');
    await frame.getByLabel('CVC').fill('123');
    await frame.getByRole('button', { name: /^Subscribe/ }).click();
    await expect(frame.getByRole('alert').filter({ hasText: /declined/i })).toBeVisible({ timeout: STEP_TIMEOUT });
    await expectNoViolations(page, 'payment declined');
    await frame.getByLabel('Card number').fill('4000 0025 0000 3155');
    await frame.getByRole('button', { name: /^Subscribe/ }).click();
    await at(page, frame, 'Confirm this payment', '3-D Secure challenge');
    await frame.getByRole('button', { name: 'Approve' }).click();
    // The success screen hands back to the page after 1.5 s, too soon for a full axe run; the
    // Success stories check it in both themes.
    await expect(frame.getByRole('heading', { name: 'All set' })).toBeVisible({ timeout: STEP_TIMEOUT });
  });
}
