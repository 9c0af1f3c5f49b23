import type { FrameLocator } from '@playwright/test';
import { DONE_DELAY_MS } from '../../../src/checkout/steps/end/DoneStep';
import { LOCALES, PSEUDO_LOCALE } from '../../../src/checkout/strings/locales';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { expect, test } from '../support/test';
import { expectFits } from './fits';
import {
  CATALOGS,
  createWallet,
  enterCode,
  enterPhone,
  expectDocumentLanguage,
  expectStep,
  expectSuccess,
  fillCard,
  holdTimersOf,
  nextPaymentIntent,
  openLocalized,
  STEP_TIMEOUT,
  startLocaleMerchant,
} from './localized-checkout';

// At 360x640, in the pseudo-locale (every string about 40% longer than English) on every step,
// and in each real locale on the steps before payment: nothing scrolls sideways (the document or
// the card), no button, field, label or heading is cut off or pushed off screen, and every tap
// target is still 44 px.
const servers = checkoutServersPerFile(startTestSandbox, startLocaleMerchant);

test.use({ locale: 'en-US', viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });

/** An amount as the checkout's page writes it in `locale` (the same engine, so the same digits and signs). */
function moneyIn(frame: FrameLocator, locale: string, amount: string, currency: string): Promise<string> {
  return frame
    .locator('html')
    .evaluate((_, [l, a, c]) => new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(Number(a)), [locale, amount, currency] as const);
}

test('given the pseudo-locale at 360x640, when a customer subscribes, buys credit and adds funds, then every step fits', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = CATALOGS[PSEUDO_LOCALE];
  const phone = '+12015550170';

  // A subscription: phone, code, wallet (and its field errors), plan, payment (and a decline),
  // the bank's challenge, success.
  const sub = await openLocalized(page, servers, { locale: PSEUDO_LOCALE });
  let frame = sub.frame;
  await expectDocumentLanguage(frame, PSEUDO_LOCALE, 'ltr');
  await expectStep(frame, t.phone.title);
  await expectFits(frame, 'phone');
  await enterPhone(frame, t, phone);
  await expectStep(frame, t.code.title);
  await expectFits(frame, 'code');
  await enterCode(frame, t);
  await expectStep(frame, t.wallet.createTitle);
  await expectFits(frame, 'wallet');
  await frame.getByRole('button', { name: t.wallet.create, exact: true }).click();
  await expect(frame.getByText(t.wallet.emailInvalid)).toBeVisible();
  await expectFits(frame, 'wallet with field errors');
  await createWallet(frame, t, 'Pia');
  await expectStep(frame, t.plan.title);
  await expectFits(frame, 'plan');
  const intent = nextPaymentIntent(page);
  await frame.getByRole('button', { name: t.plan.submit, exact: true }).click();
  await expectStep(frame, t.payment.title);
  await expectFits(frame, 'payment');
  const { amount, currency } = await intent;
  const subscribe = frame.getByRole('button', { name: t.payment.subscribe(await moneyIn(frame, PSEUDO_LOCALE, amount, currency)), exact: true });
  await fillCard(frame, t, '4000 0000 0000 0002');
  await subscribe.click();
  await expect(frame.getByText(t.payment.tryAnotherCard)).toBeVisible({ timeout: STEP_TIMEOUT });
  await expectFits(frame, 'payment declined');
  await fillCard(frame, t, '4000 0025 0000 3155');
  await frame.getByLabel(t.payment.saveCard, { exact: true }).check();
  await subscribe.click();
  await expectStep(frame, t.challenge.title);
  await expectFits(frame, 'challenge');
  const hold = await holdTimersOf(frame, DONE_DELAY_MS);
  await frame.getByRole('button', { name: t.challenge.approve, exact: true }).click();
  await expectStep(frame, t.done.title);
  await expectFits(frame, 'done');
  await hold.release();
  const connectionId = await expectSuccess(page, sub.session.checkoutSessionId);

  // A credit bundle for that connection: its owner's phone step, the bundle, payment with the saved card.
  const bundle = await openLocalized(page, servers, {
    locale: PSEUDO_LOCALE,
    session: { mode: 'credit_bundle', connection_id: connectionId, credit_bundle_id: 'cb_pro_25' },
  });
  frame = bundle.frame;
  await expectStep(frame, t.phone.title);
  await expectFits(frame, 'phone, the owner asked for');
  await enterPhone(frame, t, phone);
  await enterCode(frame, t);
  await expectStep(frame, t.bundle.title);
  await expectFits(frame, 'bundle');
  await frame.getByRole('button', { name: t.bundle.submit, exact: true }).click();
  await expectStep(frame, t.payment.title);
  // The card saved on the subscription (the one that asked the bank) is offered first.
  await expect(frame.getByRole('radio', { name: /3155/ })).toBeChecked();
  await expectFits(frame, 'payment with a saved card');

  // Adding funds with the same number (already linked here): straight to the amount, then one out of range.
  const onboarding = await openLocalized(page, servers, { locale: PSEUDO_LOCALE, session: { mode: 'onboarding' } });
  frame = onboarding.frame;
  await enterPhone(frame, t, phone);
  await enterCode(frame, t);
  await expectStep(frame, t.amount.title);
  await expectFits(frame, 'amount');
  await frame.getByLabel(t.amount.custom, { exact: true }).fill('2000');
  await frame.getByRole('button', { name: t.amount.submit, exact: true }).click();
  await expect(frame.getByLabel(t.amount.custom, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectFits(frame, 'amount out of range');
});

for (const [index, locale] of LOCALES.entries()) {
  test(`given locale "${locale}" at 360x640, then the phone, code, wallet and plan steps fit`, async ({ page }) => {
    const t = CATALOGS[locale];
    const { frame } = await openLocalized(page, servers, { locale });
    await expectDocumentLanguage(frame, locale);
    await expectStep(frame, t.phone.title);
    await expectFits(frame, `${locale} phone`);
    await enterPhone(frame, t, `+120155501${50 + index}`);
    await expectStep(frame, t.code.title);
    await expectFits(frame, `${locale} code`);
    await enterCode(frame, t);
    await expectStep(frame, t.wallet.createTitle);
    await expectFits(frame, `${locale} wallet`);
    await createWallet(frame, t, 'Lia');
    await expectStep(frame, t.plan.title);
    await expectFits(frame, `${locale} plan`);
  });
}
