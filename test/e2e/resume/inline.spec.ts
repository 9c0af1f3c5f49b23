import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, chooseAmount, createWallet, STEP_TIMEOUT, verifyPhone } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { openOnboarding, startResumeMerchant } from './merchant-page';

// An inline mount's iframe is as tall as its content on each step.
const servers = checkoutServersPerFile(startSandboxProcess, startResumeMerchant);

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 90_000 });

/** The iframe's height on the page and the height of the document inside it, once they settle. */
async function expectFitted(page: Page, frame: FrameLocator): Promise<void> {
  await expect
    .poll(
      async () => {
        const outer = await page.locator('#inline iframe').evaluate((el) => el.getBoundingClientRect().height);
        const inner = await frame.locator('body').evaluate((body) => {
          const root = body.ownerDocument.documentElement;
          return Math.max(body.scrollHeight, root.scrollHeight > root.clientHeight ? root.scrollHeight : body.getBoundingClientRect().height);
        });
        return Math.abs(outer - inner) <= 4 && outer > 100;
      },
      { timeout: STEP_TIMEOUT },
    )
    .toBe(true);
  // No inner scrollbar.
  const scrolls = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 2);
  expect(scrolls).toBe(false);
}

test('an inline mount follows its content on the phone, wallet and payment steps', async ({ page }) => {
  await openOnboarding(page, servers, 'mountCheckout');
  const frame = checkoutFrame(page);
  await expect(frame.getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(page.locator('[role="dialog"][aria-modal="true"]')).toHaveCount(0);
  await expectFitted(page, frame);

  await verifyPhone(frame, '2015550163');
  await expect(frame.getByLabel('First name')).toBeVisible({ timeout: STEP_TIMEOUT });
  await expectFitted(page, frame);

  await createWallet(frame, 'Uma');
  await chooseAmount(frame, '25.00');
  await expect(frame.getByLabel('Card number')).toBeVisible({ timeout: STEP_TIMEOUT });
  await expectFitted(page, frame);
});
