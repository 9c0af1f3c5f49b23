import { STEP_TIMEOUT, waitFor } from './driver/driver';
import { expect, test } from './fixtures';
import {
  checkout,
  checkoutFrames,
  chooseAmount,
  continueToPayment,
  createWallet,
  expectField,
  expectText,
  merchantLog,
  payWithCard,
  terminal,
  verifyPhone,
  openNewSession,
} from './steps';

test.describe.configure({ timeout: 120_000 });

interface Connection {
  connection_id: string;
  wallet: { balance: string };
  subscription: { subscription_config_id: string; status: string } | null;
}

test('a subscription checkout reaches onSuccess with a connection REST returns, plan active', async ({ driver, world }) => {
  const session = await openNewSession(driver, world, { mode: 'subscription', subscription_config_id: 'subconf_pro' });
  const ready = await waitFor('the ready event', async () => (await merchantLog(driver)).find((e) => e.kind === 'event' && e.payload.type === 'ready'));
  expect((await merchantLog(driver)).filter((e) => e.payload.code)).toEqual([]);
  expect(ready.payload.step).toBe('phone');
  await verifyPhone(driver, '2015550110');
  await createWallet(driver, 'Ada');
  await expectText(checkout(driver), /Pro Plan/);
  await continueToPayment(driver);
  await payWithCard(driver);
  const result = await terminal(driver);
  expect(result.kind).toBe('success');
  expect(result.payload.checkoutSessionId).toBe(session.checkoutSessionId);
  const connectionId = String(result.payload.connectionId);
  expect(connectionId).toMatch(/^conn_/);
  const connection = await world.sandbox.rest<Connection>('GET', `connections/${connectionId}`);
  expect(connection.connection_id).toBe(connectionId);
  expect(connection.subscription).toMatchObject({ subscription_config_id: 'subconf_pro', status: 'active' });
  const events = (await merchantLog(driver)).filter((e) => e.kind === 'event').map((e) => e.payload.type);
  expect(events).toContain('subscription_active');
  await waitFor('the overlay to close', async () => (await checkoutFrames(driver)) === 0);
});

test('an onboarding checkout creates a wallet and funds it', async ({ driver, world }) => {
  await openNewSession(driver, world);
  await verifyPhone(driver, '2015550111');
  await createWallet(driver, 'Bea');
  await chooseAmount(driver, '25.00');
  await payWithCard(driver);
  const result = await terminal(driver);
  expect(result.kind).toBe('success');
  const connection = await world.sandbox.rest<Connection>('GET', `connections/${String(result.payload.connectionId)}`);
  expect(connection.wallet.balance).toBe('25.00');
  const events = (await merchantLog(driver)).filter((e) => e.kind === 'event').map((e) => e.payload.type);
  expect(events).toEqual(expect.arrayContaining(['ready', 'otp_sent', 'otp_verified', 'wallet_created', 'payment_submitted']));
});

test("the 0.1.3 hook's legacy path: the secret URL in a frame, to lava_checkout_success for the session's origin", async ({ driver, world }) => {
  await driver.goto(`${world.merchant.url}/legacy.html`);
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  await driver.page.run((token) => (window as unknown as { openLegacy(t: string): void }).openLegacy(token), session.token);
  const frame = driver.frame('iframe[src*="/embed/checkout/"]');
  await expectField(frame, 'Phone number', STEP_TIMEOUT);
  // The app takes the secret out of its address at once.
  expect(await frame.run(() => window.location.pathname, undefined)).not.toContain(session.secret);
  await frame.type({ label: 'Phone number' }, '2015550112');
  await frame.click({ button: /^Send code$/ });
  await frame.type({ label: 'Verification code' }, '000000');
  await frame.type({ label: 'First name' }, 'Cal');
  await frame.type({ label: 'Last name' }, 'Tester');
  await frame.type({ label: 'Email' }, 'cal@example.com');
  await frame.click({ button: /^Create wallet$/ });
  await frame.type({ label: 'Other amount (USD)' }, '10.00');
  await frame.click({ button: /^Continue to payment$/ });
  await frame.type({ label: 'Card number' }, '4242424242424242');
  await frame.type({ label: 'Expiry (MM/YY)' }, '1234');
  await frame.type({ label: 'CVC' }, '123');
  await frame.click({ button: /^Pay/ });
  const log = await waitFor('lava_checkout_success', async () => {
    const got = await driver.page.run(() => (window as unknown as { __log: Array<{ origin: string; data: { type?: string; connectionId?: string } }> }).__log, undefined);
    return got.some((m) => m.data?.type === 'lava_checkout_success') ? got : null;
  }, 20_000);
  const success = log.find((m) => m.data?.type === 'lava_checkout_success')!;
  expect(success.origin).toBe(world.sandbox.url);
  expect(String(success.data.connectionId)).toMatch(/^conn_/);
  await waitFor('the legacy frame to be removed', () => driver.page.run(() => document.querySelectorAll('iframe').length === 0, undefined));
});
