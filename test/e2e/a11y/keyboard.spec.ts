import { expect, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { checkoutFrame, merchantLog, STEP_TIMEOUT, setToken, startMerchantPage, tabTo } from './merchant-page';

// The whole subscription flow by keyboard alone (Tab, Enter, Escape, typing; no
// clicks), with focus on each new step's first field or heading.
const servers = checkoutServersPerFile(startTestSandbox, startMerchantPage);

test.use({ locale: 'en-US' });

async function openByKeyboard(page: import('@playwright/test').Page): Promise<string> {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'subscription', subscription_config_id: 'subconf_pro' });
  await setToken(page, session.token);
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  await tabTo(page, subscribe);
  await page.keyboard.press('Enter');
  return session.checkoutSessionId;
}

test('when a customer uses only the keyboard, then they subscribe from phone to done and focus follows every step', async ({ page }) => {
  const sessionId = await openByKeyboard(page);
  const frame = checkoutFrame(page);
  const focused = (locator: ReturnType<typeof frame.getByRole>) => expect(locator).toBeFocused({ timeout: STEP_TIMEOUT });

  // Phone: the number field has focus as soon as the step appears.
  const number = frame.getByLabel('Phone number', { exact: true });
  await focused(number);
  await expect(frame.getByRole('dialog', { name: 'Enter your phone number' })).toBeVisible();
  await page.keyboard.type('2015550142');
  await tabTo(page, frame.getByRole('button', { name: 'Send code' }));
  await page.keyboard.press('Enter');

  // Code: focus in the code field; the sixth digit submits.
  await focused(frame.getByLabel('Verification code'));
  await page.keyboard.type('000000');

  // New wallet: first field focused, Tab through the rest.
  await focused(frame.getByLabel('First name'));
  await page.keyboard.type('Kim');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Keys');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kim@example.com');
  await tabTo(page, frame.getByRole('button', { name: 'Create wallet' }));
  await page.keyboard.press('Enter');

  // Plan summary: no field, so the heading has focus.
  await focused(frame.getByRole('heading', { name: 'Your plan' }));
  await tabTo(page, frame.getByRole('button', { name: 'Continue to payment' }));
  await page.keyboard.press('Enter');

  // Payment: card number focused; decline first (the error is announced), then a good card.
  const card = frame.getByLabel('Card number');
  await focused(card);
  await page.keyboard.type('4000000000000002');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  const pay = frame.getByRole('button', { name: /^Subscribe/ });
  await tabTo(page, pay);
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('alert').filter({ hasText: /declined/i })).toBeVisible({ timeout: STEP_TIMEOUT });
  await tabTo(page, card);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4242424242424242');
  await tabTo(page, pay);
  await page.keyboard.press('Enter');

  // Done: heading focused; Continue returns to the merchant page with the result.
  await focused(frame.getByRole('heading', { name: 'All set' }));
  await tabTo(page, frame.getByRole('button', { name: 'Continue' }));
  // Enter ends the checkout and the host removes the frame mid-press: don't wait on the press.
  void page.keyboard.press('Enter').catch(() => {});
  await expect.poll(async () => (await merchantLog(page)).find((e) => e.kind === 'success'), { timeout: STEP_TIMEOUT }).toMatchObject({
    checkoutSessionId: sessionId,
  });
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(0);
  // Focus goes back to what opened the checkout.
  await expect(page.getByRole('button', { name: 'Subscribe' })).toBeFocused();
});

test('when the customer presses Escape, then the checkout cancels and focus returns to the page', async ({ page }) => {
  const sessionId = await openByKeyboard(page);
  const frame = checkoutFrame(page);
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeFocused({ timeout: STEP_TIMEOUT });
  // The host removes the frame while the key is still being delivered to it, so the press may
  // never report back: send it without waiting, then wait for what the page heard.
  void page.keyboard.press('Escape').catch(() => {});
  await expect.poll(async () => (await merchantLog(page)).find((e) => e.kind === 'cancel'), { timeout: STEP_TIMEOUT }).toMatchObject({
    checkoutSessionId: sessionId,
  });
  await expect(page.getByRole('button', { name: 'Subscribe' })).toBeFocused();
});

test('when Tab reaches the last control of a step, then focus wraps inside the checkout dialog', async ({ page }) => {
  await openByKeyboard(page);
  const frame = checkoutFrame(page);
  await expect(frame.getByLabel('Phone number', { exact: true })).toBeFocused({ timeout: STEP_TIMEOUT });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inside = await frame.locator('[role="dialog"]').evaluate((dialog) => dialog.contains(dialog.ownerDocument.activeElement));
    expect(inside, `focus left the dialog after ${i + 1} Tab presses`).toBe(true);
  }
});
