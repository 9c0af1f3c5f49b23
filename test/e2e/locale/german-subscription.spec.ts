import { de } from '../../../src/checkout/strings/de';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { startTestSandbox } from '../support/sandbox';
import { expect, test } from '../support/test';
import {
  createWallet,
  enterCode,
  enterPhone,
  expectDocumentLanguage,
  expectStep,
  expectSuccess,
  fillCard,
  merchantLog,
  nextPaymentIntent,
  openLocalized,
  readyEvent,
  STEP_TIMEOUT,
  startLocaleMerchant,
} from './localized-checkout';

// A whole subscription in German, found only by German names: a checkout that showed English
// (its catalog not loaded, a string left untranslated on the way) finds no field or button here.
const servers = checkoutServersPerFile(startTestSandbox, startLocaleMerchant);

// The browser asks for English: German comes from the `locale` option alone.
test.use({ locale: 'en-US' });

/** Money as German writes it, from the amount and currency the checkout was given. */
const german = (amount: string, currency: string) => new Intl.NumberFormat('de', { style: 'currency', currency }).format(Number(amount));

test('given locale "de", when a new customer subscribes, then every step speaks German, amounts are German, and the merchant is told of the success', async ({
  page,
}) => {
  const { frame, session, start } = await openLocalized(page, servers, { locale: 'de' });

  await expectDocumentLanguage(frame, 'de', 'ltr');
  await expect.poll(async () => (await readyEvent(page))?.locale, { timeout: STEP_TIMEOUT }).toBe('de');
  await expect(frame.getByRole('dialog')).toHaveAccessibleName(de.phone.title);
  await expect(frame.getByRole('button', { name: 'Bezahlvorgang schließen' })).toBeVisible();

  await enterPhone(frame, de, '+12015550130');
  await expect(frame.getByRole('heading', { name: 'Code eingeben' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await enterCode(frame, de);

  await expect(frame.getByRole('heading', { name: 'Lava-Wallet erstellen' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await createWallet(frame, de, 'Greta');

  // The plan, priced in the session's currency as German writes it ("49,00 $"), never "$49.00".
  const plan = start.plan!;
  const currency = start.amounts.currency;
  await expectStep(frame, 'Ihr Tarif');
  const price = german(plan.period_amount, currency);
  expect(price).toMatch(/^\d+,\d{2}\s\S+$/);
  await expect(frame.locator('.lava-price')).toHaveText(`${price} pro Monat`);
  await expect(frame.getByText(de.plan.included(german(plan.included_credit, currency)), { exact: true })).toBeVisible();
  await expect(frame.getByText('Nicht genutztes Guthaben wird in den nächsten Zeitraum übertragen.')).toBeVisible();
  const intent = nextPaymentIntent(page);
  await frame.getByRole('button', { name: 'Weiter zur Zahlung' }).click();

  // The payment step: its total and the button that pays it, from the intent the checkout got.
  const { amount, currency: intentCurrency } = await intent;
  const total = german(amount, intentCurrency);
  expect(total).toBe(price);
  await expectStep(frame, 'Zahlung');
  await expect(frame.locator('.lava-total strong')).toHaveText(total);
  await expect(frame.getByText('Sandbox – keine echte Belastung', { exact: true })).toBeVisible();
  await fillCard(frame, de, '4242 4242 4242 4242');
  const subscribe = frame.getByRole('button', { name: `Abonnieren – ${total}`, exact: true });
  await expect(subscribe).toBeVisible();
  await subscribe.click();

  await expect(frame.getByRole('heading', { name: 'Fertig' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByRole('status')).toHaveText('Ihr Abonnement ist aktiv.');
  const connectionId = await expectSuccess(page, session.checkoutSessionId);
  const connection = await servers.sandbox.rest<{ subscription: { subscription_config_id: string; status: string } | null }>(
    'GET',
    `connections/${connectionId}`,
  );
  expect(connection.subscription).toMatchObject({ subscription_config_id: plan.subscription_config_id, status: 'active' });
  // The steps it reported, in order, while it spoke German.
  const steps = (await merchantLog(page)).filter((e) => e.kind === 'event' && e.type === 'step').map((e) => e.step);
  expect(steps).toEqual(expect.arrayContaining(['code', 'wallet', 'plan', 'payment', 'done']));
});
