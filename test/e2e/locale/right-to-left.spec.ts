import { ar } from '../../../src/checkout/strings/ar';
import { he } from '../../../src/checkout/strings/he';
import { DONE_DELAY_MS } from '../../../src/checkout/steps/end/DoneStep';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { expect, test } from '../support/test';
import {
  enterCode,
  enterPhone,
  expectDocumentLanguage,
  expectStep,
  expectSuccess,
  fillCard,
  holdTimersOf,
  nextPaymentIntent,
  openLocalized,
  readyEvent,
  STEP_TIMEOUT,
  startLocaleMerchant,
} from './localized-checkout';
import { expectLeftToRight, expectMirrored, expectNoAxeViolations } from './right-to-left';

// Arabic and Hebrew lay the checkout out right to left, keep numbers (phone, code, card, amount)
// left to right, and pass axe on every step in both themes.
const servers = checkoutServersPerFile(startTestSandbox, startLocaleMerchant);

test.use({ locale: 'en-US' });
// Up to nine axe runs across two origins per test.
test.describe.configure({ timeout: 120_000 });

const THEMES = ['light', 'dark'] as const;

for (const [index, theme] of THEMES.entries()) {
  test(`given locale "ar" and the ${theme} theme, when a new customer subscribes, then every step is right to left, numbers stay left to right, and axe passes`, async ({
    page,
  }) => {
    const { frame, session } = await openLocalized(page, servers, { locale: 'ar', theme });
    await expectDocumentLanguage(frame, 'ar', 'rtl');
    await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
    await expect.poll(async () => (await readyEvent(page))?.locale, { timeout: STEP_TIMEOUT }).toBe('ar');

    await expectStep(frame, ar.phone.title);
    await expectMirrored(frame, 'phone');
    await expectLeftToRight(frame, [ar.phone.number], 'phone');
    await expectNoAxeViolations(page, frame, 'phone');
    await enterPhone(frame, ar, `+1201555014${index}`);

    await expectStep(frame, ar.code.title);
    await expectMirrored(frame, 'code');
    await expectLeftToRight(frame, [ar.code.label], 'code');
    await expectNoAxeViolations(page, frame, 'code');
    await enterCode(frame, ar);

    await expectStep(frame, ar.wallet.createTitle);
    await expectMirrored(frame, 'wallet');
    await frame.getByRole('button', { name: ar.wallet.create, exact: true }).click();
    await expect(frame.getByText(ar.wallet.firstNameRequired)).toBeVisible();
    await expectNoAxeViolations(page, frame, 'wallet with field errors');
    await frame.getByLabel(ar.wallet.firstName, { exact: true }).fill('Rania');
    await frame.getByLabel(ar.wallet.lastName, { exact: true }).fill('Tester');
    await frame.getByLabel(ar.wallet.email, { exact: true }).fill(`rania-${theme}@example.com`);
    await frame.getByRole('button', { name: ar.wallet.create, exact: true }).click();

    await expectStep(frame, ar.plan.title);
    await expectMirrored(frame, 'plan');
    await expectNoAxeViolations(page, frame, 'plan');
    const intent = nextPaymentIntent(page);
    await frame.getByRole('button', { name: ar.plan.submit, exact: true }).click();

    await expectStep(frame, ar.payment.title);
    await expectMirrored(frame, 'payment');
    await expectLeftToRight(frame, [ar.payment.cardNumber, ar.payment.expiry, ar.payment.cvc], 'payment');
    await expectNoAxeViolations(page, frame, 'payment');
    const { amount, currency } = await intent;
    const total = await frame.locator('html').evaluate((_, [a, c]) => new Intl.NumberFormat('ar', { style: 'currency', currency: c }).format(Number(a)), [amount, currency] as const);
    await fillCard(frame, ar, '4242 4242 4242 4242');
    const hold = await holdTimersOf(frame, DONE_DELAY_MS);
    await frame.getByRole('button', { name: ar.payment.subscribe(total), exact: true }).click();

    await expectStep(frame, ar.done.title);
    await expectMirrored(frame, 'done', { centred: true });
    await expectNoAxeViolations(page, frame, 'done');
    await hold.release();
    await expectSuccess(page, session.checkoutSessionId);
  });
}

test('given locale "ar", when a new customer adds funds, then the amount field stays left to right and the amount step passes axe in both themes', async ({
  page,
}) => {
  for (const [index, theme] of THEMES.entries()) {
    const { frame } = await openLocalized(page, servers, { locale: 'ar', theme, session: { mode: 'onboarding' } });
    await enterPhone(frame, ar, `+1201555014${index + 2}`);
    await enterCode(frame, ar);
    await expectStep(frame, ar.wallet.createTitle);
    await frame.getByLabel(ar.wallet.firstName, { exact: true }).fill('Amal');
    await frame.getByLabel(ar.wallet.lastName, { exact: true }).fill('Tester');
    await frame.getByLabel(ar.wallet.email, { exact: true }).fill(`amal-${theme}@example.com`);
    await frame.getByRole('button', { name: ar.wallet.create, exact: true }).click();

    await expectStep(frame, ar.amount.title);
    await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
    await expectMirrored(frame, `amount (${theme})`);
    await expectLeftToRight(frame, [ar.amount.custom], `amount (${theme})`);
    await expectNoAxeViolations(page, frame, `amount (${theme})`);
  }
});

test('given locale "he", then the phone step is right to left, its number field left to right, and it passes axe in both themes', async ({
  page,
}) => {
  for (const theme of THEMES) {
    const { frame } = await openLocalized(page, servers, { locale: 'he', theme });
    await expectDocumentLanguage(frame, 'he', 'rtl');
    await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
    await expectStep(frame, he.phone.title);
    await expectMirrored(frame, `phone (${theme})`);
    await expectLeftToRight(frame, [he.phone.number], `phone (${theme})`);
    await expectNoAxeViolations(page, frame, `phone (${theme})`);
  }
});
