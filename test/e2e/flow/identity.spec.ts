import { expect, expectFailedLoad, test } from '../support/test';
import { pressClose, pressEscape } from '../support/checkout-close';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, createWallet, STEP_TIMEOUT, verifyPhone } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { merchantLog, openCheckout, openNewSession, startMerchant } from './merchant';

// The customer's identity steps end to end: the host SDK on a merchant page (localhost), the
// sandbox, and the built checkout app (127.0.0.1).
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });

interface ConnectionList {
  data: Array<{ connection_id: string; reference_id?: string | null }>;
}

test('a new number creates a wallet; a second session with the same number links it after consent', async ({ page }) => {
  const first = await openNewSession(page, servers, { mode: 'onboarding', reference_id: 'user_new_1' });
  const frame = checkoutFrame(page);

  await expect(frame.getByRole('dialog', { name: 'Enter your phone number' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByText(/Test numbers \+1 201 555 0100 to 0199/)).toBeVisible();
  await verifyPhone(frame, '2015550110');
  await createWallet(frame, 'Ada');
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });

  const events = (await merchantLog(page)).filter((e) => e.kind === 'event').map((e) => e.type);
  expect(events).toEqual(expect.arrayContaining(['ready', 'step', 'otp_sent', 'otp_verified', 'wallet_created']));
  expect(JSON.stringify(await merchantLog(page))).not.toMatch(/2015550110|Ada|example\.com/);

  // The wallet exists and is linked to the merchant.
  const list = await servers.sandbox.rest<ConnectionList>('GET', 'connections?reference_id=user_new_1');
  expect(list.data).toHaveLength(1);
  const connectionId = list.data[0]!.connection_id;

  // Escape cancels; the host hears it.
  await pressEscape(frame);
  await expect.poll(async () => (await merchantLog(page)).find((e) => e.kind === 'cancel')).toMatchObject({ checkoutSessionId: first.checkoutSessionId });
  await expect(page.locator('iframe[src*="/embed/checkout"]')).toHaveCount(0);

  // Unlink it, so the next session finds a known wallet that is not linked to this merchant.
  await servers.sandbox.rest('DELETE', `connections/${connectionId}`);
  const second = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding', reference_id: 'user_new_1' });
  await openCheckout(page, second.token);
  await verifyPhone(frame, '2015550110');
  await expect(frame.getByRole('heading', { name: 'Link your Lava wallet to Acme AI' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByText('a•••@example.com')).toBeVisible();
  await frame.getByRole('button', { name: 'Link wallet' }).click();
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });
  const events2 = (await merchantLog(page)).filter((e) => e.kind === 'event').map((e) => e.type);
  expect(events2).toContain('wallet_linked');
  const relinked = await servers.sandbox.rest<ConnectionList>('GET', 'connections?reference_id=user_new_1');
  expect(relinked.data).toHaveLength(1);
  expect(relinked.data[0]!.connection_id).not.toBe(connectionId);
});

test('a number already linked to the merchant goes straight on without a consent screen', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/`);
  const open = async () => {
    const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding' });
    await openCheckout(page, session.token);
  };
  const frame = checkoutFrame(page);
  await open();
  await verifyPhone(frame, '2015550111');
  await createWallet(frame, 'Bea');
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await pressClose(frame);
  await expect(page.locator('iframe[src*="/embed/checkout"]')).toHaveCount(0);

  await open();
  await verifyPhone(frame, '2015550111');
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByRole('heading', { name: /Link your Lava wallet/ })).toHaveCount(0);
});

test('a session created for another site shows origin mismatch, and closing reports that code', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: 'https://elsewhere.example', mode: 'onboarding' });
  expectFailedLoad(`${servers.sandbox.url}/api/flow/start`, 403, { why: 'the sandbox refuses a session created for another site (origin_mismatch)' });
  await openCheckout(page, session.token);
  const frame = checkoutFrame(page);
  await expect(frame.getByText('This checkout was opened from a page it was not created for.')).toBeVisible({ timeout: STEP_TIMEOUT });
  await pressClose(frame, 'last');
  await expect.poll(async () => (await merchantLog(page)).find((e) => e.kind === 'error')).toMatchObject({ code: 'origin_mismatch' });
});

test('the legacy 0.1.3 embed: secret in the URL, legacy messages to the session origin only', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/legacy.html`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding', reference_id: 'legacy_1' });
  await page.evaluate((token) => (window as unknown as { openLegacy(t: string): void }).openLegacy(token), session.token);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550112');
  await createWallet(frame, 'Cy');
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });

  // The secret left the frame's address as soon as the app read it.
  const frameUrl = page.frames().find((f) => f.url().includes('/embed/checkout'))?.url() ?? '';
  expect(frameUrl).toMatch(/\/embed\/checkout$/);
  expect(frameUrl).not.toContain(session.secret);

  await pressClose(frame);
  await expect.poll(async () => (await merchantLog(page)).map((e) => e.data)).toContainEqual({
    type: 'lava_checkout_cancel',
    checkoutSessionId: session.checkoutSessionId,
  });
  const log = await merchantLog(page);
  expect(log.every((e) => e.origin === servers.sandbox.url)).toBe(true);
  await expect(page.locator('iframe[src*="/embed/checkout"]')).toHaveCount(0);
});
