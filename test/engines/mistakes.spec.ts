import { type Driver, waitFor } from './driver/driver';
import { expect, test } from './fixtures';
import { alerts, checkout, expectField, type Focused, focused, terminal , openNewSession } from './steps';

test.describe.configure({ timeout: 150_000 });

/**
 * Each mistake shows its error, announces it (the field is described by a live region holding
 * the words), and moves focus to the first field at fault.
 */
async function expectFieldError(driver: Driver, label: string, words: RegExp): Promise<void> {
  let last: Focused | null = null;
  await waitFor(`focus on "${label}" with its error announced`, async () => {
    last = await focused(checkout(driver));
    return last?.label === label && last.invalid && words.test(last.announced);
  }).catch((error: Error) => {
    throw new Error(`${error.message}; focused: ${JSON.stringify(last)}`);
  });
}

async function submit(driver: Driver, name: RegExp): Promise<void> {
  await checkout(driver).click({ button: name });
}

test('every customer mistake shows its error, announces it and focuses the field at fault; the checkout still completes', async ({ driver, world }) => {
  const session = await openNewSession(driver, world);
  const frame = checkout(driver);
  await expectField(frame, 'Phone number');

  // Empty phone.
  await submit(driver, /^Send code$/);
  await expectFieldError(driver, 'Phone number', /Enter your phone number/);
  // Too short.
  await frame.type({ label: 'Phone number' }, '20155');
  await submit(driver, /^Send code$/);
  await expectFieldError(driver, 'Phone number', /too short/i);
  // Wrong code: the step says so (an alert), the code field is emptied and has focus.
  await frame.type({ label: 'Phone number' }, '2015550150');
  await submit(driver, /^Send code$/);
  await frame.type({ label: 'Verification code' }, '111111');
  await waitFor('the wrong-code alert', async () => (await alerts(frame)).some((a) => /code is not right/.test(a)));
  await waitFor('focus back on the emptied code field', async () => {
    const now = await focused(frame);
    const value = await frame.run(() => (document.activeElement as HTMLInputElement | null)?.value, undefined);
    return now?.label === 'Verification code' && value === '';
  });
  await frame.type({ label: 'Verification code' }, '000000');

  // Empty wallet form: the first field at fault.
  await expectField(frame, 'First name');
  await submit(driver, /^Create wallet$/);
  await expectFieldError(driver, 'First name', /Enter your first name/);
  await frame.type({ label: 'First name' }, 'Fay');
  await frame.type({ label: 'Last name' }, 'Tester');
  await frame.type({ label: 'Email' }, 'fay@example.com');
  await submit(driver, /^Create wallet$/);
  await frame.type({ label: 'Other amount (USD)' }, '10.00');
  await submit(driver, /^Continue to payment$/);

  // Bad card number (fails the Luhn check), then a past expiry, then a CVC of the wrong length.
  await frame.type({ label: 'Card number' }, '4242424242424241');
  await frame.type({ label: 'Expiry (MM/YY)' }, '1234');
  await frame.type({ label: 'CVC' }, '123');
  await submit(driver, /^Pay/);
  await expectFieldError(driver, 'Card number', /card number/i);
  await frame.type({ label: 'Card number' }, '4242424242424242');
  await frame.type({ label: 'Expiry (MM/YY)' }, '0120');
  await submit(driver, /^Pay/);
  await expectFieldError(driver, 'Expiry (MM/YY)', /past|expired/i);
  await frame.type({ label: 'Expiry (MM/YY)' }, '1234');
  await frame.type({ label: 'CVC' }, '12');
  await submit(driver, /^Pay/);
  await expectFieldError(driver, 'CVC', /3 digits/);
  await frame.type({ label: 'CVC' }, '123');
  await submit(driver, /^Pay/);

  const result = await terminal(driver);
  expect(result.kind).toBe('success');
  expect(result.payload.checkoutSessionId).toBe(session.checkoutSessionId);
});
