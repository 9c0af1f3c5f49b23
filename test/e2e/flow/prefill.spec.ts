import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, STEP_TIMEOUT } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { merchantLog, startMerchant } from './merchant';

// A merchant page (localhost) opening the production checkout (127.0.0.1, the sandbox) with what
// it knows of the customer, and a preloaded frame opened in another language.
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });

const PREFILL = { phone: '+12015550113', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' };
/** How each prefill value could show up in a URL or a log line. */
const TRACES = [/2015550113/, /Grace/i, /Hopper/i, /grace(%40|@)example/i];

interface ConnectionList {
  data: Array<{ connection_id: string; customer: { phone: string; email: string; first_name: string; last_name: string } }>;
}

/** Every URL the browser requests and every console line, from the page and the checkout frame. */
function watchBrowser(page: Page) {
  const urls: string[] = [];
  const console: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  page.context().on('console', (message) => console.push(message.text()));
  return { urls, console };
}

test('a merchant prefill fills the phone step and the wallet form; the customer still verifies by code and may change it', async ({ page }) => {
  const seen = watchBrowser(page);
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding', reference_id: 'prefill_1' });
  await page.evaluate(
    ({ token, prefill }) => (window as unknown as { openCheckout(t: string, o: object): void }).openCheckout(token, { prefill }),
    { token: session.token, prefill: PREFILL },
  );
  const frame = checkoutFrame(page);

  // The phone step shows the merchant's number (the phone step's `initialPhone`).
  const number = frame.getByLabel('Phone number', { exact: true });
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  const digits = async () => (await number.inputValue()).replace(/\D/g, '');
  await expect(number, 'the prefilled number is in the phone field').toHaveValue(/\d/, { timeout: 5_000 });
  expect(await digits()).toMatch(/2015550113$/);
  await expect(frame.getByRole('button', { name: /^Country: United States \(\+1\)/ })).toBeVisible();
  await frame.getByRole('button', { name: 'Send code' }).click();

  // Still the code: the prefill opens nothing by itself.
  const code = frame.getByLabel('Verification code');
  await expect(code).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByLabel('First name')).toHaveCount(0);
  await code.fill('000000');

  // The wallet form holds the prefill, and the customer changes the email.
  const first = frame.getByLabel('First name');
  await expect(first).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(first).toHaveValue('Grace');
  await expect(frame.getByLabel('Last name')).toHaveValue('Hopper');
  const email = frame.getByLabel('Email');
  await expect(email).toHaveValue('grace@example.com');
  await email.fill('grace.hopper@example.com');
  await frame.getByRole('button', { name: 'Create wallet' }).click();
  await expect(frame.getByRole('heading', { name: 'Add funds' })).toBeVisible({ timeout: STEP_TIMEOUT });

  // The wallet carries what the customer left in the form.
  const list = await servers.sandbox.rest<ConnectionList>('GET', 'connections?reference_id=prefill_1');
  expect(list.data).toHaveLength(1);
  expect(list.data[0]!.customer).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', email: 'grace.hopper@example.com' });

  // The merchant heard the flow, and no prefill value went anywhere but init.
  const log = await merchantLog(page);
  expect(log.filter((entry) => entry.kind === 'event').map((entry) => entry.type)).toEqual(
    expect.arrayContaining(['ready', 'otp_sent', 'otp_verified', 'wallet_created']),
  );
  for (const trace of TRACES) {
    expect(JSON.stringify(log), 'onEvent payloads').not.toMatch(trace);
    expect(seen.urls.filter((url) => trace.test(url)), 'requested URLs').toEqual([]);
    expect(seen.console.filter((line) => trace.test(line)), 'console messages').toEqual([]);
  }
  expect(seen.urls.some((url) => url.includes('/embed/checkout'))).toBe(true);
});

const GERMAN_TITLE = 'Geben Sie Ihre Telefonnummer ein';

test('a preloaded frame opened in German never shows the English phone step: ready comes with the German one', async ({ page }) => {
  // In the checkout frame, the step title each time it changes, with the time.
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/embed/checkout')) return;
    const titles: Array<{ text: string | null; at: number }> = [];
    (window as unknown as { __titles: typeof titles }).__titles = titles;
    const record = () => {
      const text = document.querySelector('h1')?.textContent ?? null;
      if (titles.at(-1)?.text !== text) titles.push({ text, at: Date.now() });
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // The German strings come late, as on a slow network.
  await page.context().route(/\/assets\/de[-.][^/]*\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 1_000));
    await route.continue();
  });
  await page.goto(`${servers.merchant.url}/`);
  await page.evaluate((base) => (window as unknown as { LavaCheckout: { preload(b: string): void } }).LavaCheckout.preload(base), servers.sandbox.base);
  const frame = checkoutFrame(page);
  // Warm: the English phone step drawn early, hidden.
  await expect(frame.getByRole('heading', { name: 'Enter your phone number' })).toBeAttached({ timeout: STEP_TIMEOUT });

  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding' });
  await page.evaluate((token) => {
    const handle = (window as unknown as { LavaCheckout: { open(t: string, o: object): { ready: Promise<boolean> } } }).LavaCheckout.open(token, {
      locale: 'de',
    });
    void handle.ready.then((ready) => ((window as unknown as { __readyAt: number }).__readyAt = ready ? Date.now() : -1));
  }, session.token);
  const readyAt = await expect
    .poll(() => page.evaluate(() => (window as unknown as { __readyAt?: number }).__readyAt), { timeout: STEP_TIMEOUT })
    .toBeGreaterThan(0)
    .then(() => page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
  await expect(frame.getByRole('heading', { name: GERMAN_TITLE })).toBeVisible();

  const checkout = page.frames().find((f) => f.url().includes('/embed/checkout'))!;
  const titles = await checkout.evaluate(() => (window as unknown as { __titles: Array<{ text: string | null; at: number }> }).__titles);
  // What the frame showed when the host revealed it, and everything after.
  const shown = titles.filter((entry, i) => entry.at >= readyAt || titles[i + 1] === undefined || titles[i + 1]!.at > readyAt);
  expect(shown.map((entry) => entry.text)).toEqual([GERMAN_TITLE]);
  // The English one was there, before ready, in the hidden frame only.
  expect(titles.some((entry) => entry.text === 'Enter your phone number' && entry.at < readyAt)).toBe(true);
});
