import type { FrameLocator, Locator } from '@playwright/test';
import { STEP_TIMEOUT } from './merchant-log';
import { expect } from './test';

export { CHECKOUT_FRAME, checkoutFrame, STEP_TIMEOUT } from './merchant-log';

/*
 * The customer's side: the steps of the checkout inside the iframe the host SDK opens (another
 * origin), driven as a person would.
 */

/** The sandbox card that always succeeds. */
export const GOOD_CARD = '4242 4242 4242 4242';

/** Phone (a sandbox test number, typed key by key) -> code 000000 (auto-submits on the sixth digit). */
export async function verifyPhone(frame: FrameLocator, phone: string): Promise<void> {
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  await number.pressSequentially(phone);
  await frame.getByRole('button', { name: 'Send code' }).click();
  const code = frame.getByLabel('Verification code');
  await expect(code).toBeVisible({ timeout: STEP_TIMEOUT });
  await code.fill('000000');
}

/** A new wallet for `first` Tester, first@example.com. */
export async function createWallet(frame: FrameLocator, first: string): Promise<void> {
  const field = frame.getByLabel('First name');
  await expect(field).toBeVisible({ timeout: STEP_TIMEOUT });
  await field.fill(first);
  await frame.getByLabel('Last name').fill('Tester');
  await frame.getByLabel('Email').fill(`${first.toLowerCase()}@example.com`);
  await frame.getByRole('button', { name: 'Create wallet' }).click();
}

/** Onboarding / top-up: a custom amount, then on to the card. */
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

/** The sandbox card form: `number`, 12 / 34, CVC 123. */
export async function fillCard(frame: FrameLocator, number: string): Promise<void> {
  const field = frame.getByLabel('Card number');
  await expect(field).toBeVisible({ timeout: STEP_TIMEOUT });
  await field.fill(number);
  await frame.getByLabel('Expiry (MM/YY)').fill('12 / 34');
  await frame.getByLabel('CVC').fill('123');
}

/** "Pay …" or "Subscribe …". */
export function payButton(frame: FrameLocator): Locator {
  return frame.getByRole('button', { name: /^(Pay|Subscribe)/ });
}

/** The card form with `number`, then pay. */
export async function payWithCard(frame: FrameLocator, number: string): Promise<void> {
  await fillCard(frame, number);
  await payButton(frame).click();
}

/** The card that succeeds, then pay. */
export async function payWithTestCard(frame: FrameLocator): Promise<void> {
  await payWithCard(frame, GOOD_CARD);
}

/** A new customer: phone and code, a wallet, then `amount`; the card step is next. */
export interface NewCustomer {
  phone: string;
  firstName: string;
  amount: string;
}

/** A new customer from the phone step to the card step (onboarding or top-up). */
export async function onboardToPayment(frame: FrameLocator, customer: NewCustomer): Promise<void> {
  await verifyPhone(frame, customer.phone);
  await createWallet(frame, customer.firstName);
  await chooseAmount(frame, customer.amount);
}

/** A new customer from the phone step to pay, with the card that succeeds. */
export async function onboardAndPay(frame: FrameLocator, customer: NewCustomer): Promise<void> {
  await onboardToPayment(frame, customer);
  await payWithTestCard(frame);
}
