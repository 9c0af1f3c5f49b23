import { expect, type FrameLocator, type Page } from '@playwright/test';

/** The customer's side: the checkout inside the overlay iframe (another origin). */
export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[src*="/embed/checkout"]');
}

const STEP_TIMEOUT = 15_000;

/** Phone (a sandbox test number) -> code 000000. */
export async function verifyPhone(frame: FrameLocator, phone: string): Promise<void> {
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  await number.fill(phone);
  await frame.getByRole('button', { name: 'Send code' }).click();
  const code = frame.getByLabel('Verification code');
  await expect(code).toBeVisible({ timeout: STEP_TIMEOUT });
  // Auto-submits on the sixth digit.
  await code.fill('000000');
}

export async function createWallet(frame: FrameLocator, name: string): Promise<void> {
  const first = frame.getByLabel('First name');
  await expect(first).toBeVisible({ timeout: STEP_TIMEOUT });
  await first.fill(name);
  await frame.getByLabel('Last name').fill('Tester');
  await frame.getByLabel('Email').fill(`${name.toLowerCase()}@example.com`);
  await frame.getByRole('button', { name: 'Create wallet' }).click();
}

export async function chooseAmount(frame: FrameLocator, amount: string): Promise<void> {
  const custom = frame.getByLabel('Other amount (USD)');
  await expect(custom).toBeVisible({ timeout: STEP_TIMEOUT });
  await custom.fill(amount);
  await frame.getByRole('button', { name: 'Continue to payment' }).click();
}

/** Plan or bundle summary -> on to the card. */
export async function continueToPayment(frame: FrameLocator): Promise<void> {
  const next = frame.getByRole('button', { name: 'Continue to payment' });
  await expect(next).toBeVisible({ timeout: STEP_TIMEOUT });
  await next.click();
}

/** The sandbox card form with 4242 4242 4242 4242, then the pay/subscribe button. */
export async function payWithTestCard(frame: FrameLocator): Promise<void> {
  const number = frame.getByLabel('Card number');
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  await number.fill('4242 4242 4242 4242');
  await frame.getByLabel('Expiry (MM/YY)').fill('12/34');
  await frame.getByLabel('CVC').fill('123');
  await frame.getByRole('button', { name: /^(Pay|Subscribe)/ }).click();
}
