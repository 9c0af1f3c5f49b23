import type { FrameLocator, Locator, Page } from '@playwright/test';
import { ar } from '../../../src/checkout/strings/ar';
import type { Catalog } from '../../../src/checkout/strings/catalog';
import { de } from '../../../src/checkout/strings/de';
import { en } from '../../../src/checkout/strings/en';
import { es } from '../../../src/checkout/strings/es';
import { fr } from '../../../src/checkout/strings/fr';
import { he } from '../../../src/checkout/strings/he';
import { it } from '../../../src/checkout/strings/it';
import { ja } from '../../../src/checkout/strings/ja';
import { type Direction, directionOf, type Locale } from '../../../src/checkout/strings/locales';
import { nl } from '../../../src/checkout/strings/nl';
import { pl } from '../../../src/checkout/strings/pl';
import { pseudoLocalize } from '../../../src/checkout/strings/pseudo';
import { ptBR } from '../../../src/checkout/strings/pt-BR';
import { zhCN } from '../../../src/checkout/strings/zh-CN';
import type { PaymentIntentResponse, StartResponse } from '../../../src/contract/flow-api';
import type { CheckoutServers } from '../support/checkout-servers';
import { checkoutFrame, type LogEntry, merchantLog, STEP_TIMEOUT } from '../support/merchant-log';
import { startMerchantPages } from '../support/merchant-pages';
import type { CreatedSession, CreateSessionInput, TestSandbox } from '../support/sandbox';
import type { StaticServer } from '../support/static-server';
import { expect } from '../support/test';

/*
 * The checkout in one language, driven only by that language's words: every selector is a
 * catalog entry of the locale under test, so a checkout that fell back to English (or to any
 * other catalog) finds none of its fields or buttons.
 */

export { checkoutFrame, type LogEntry, merchantLog, STEP_TIMEOUT };

/** Every catalog the checkout ships, and the pseudo-locale made the way the app makes it. */
export const CATALOGS: Record<Locale, Catalog> = {
  en,
  es,
  fr,
  de,
  it,
  'pt-BR': ptBR,
  nl,
  pl,
  ja,
  'zh-CN': zhCN,
  ar,
  he,
  'en-XA': pseudoLocalize(en),
};

/**
 * A merchant page on `localhost` (the checkout is on 127.0.0.1) that sizes itself to the device,
 * loads the script-tag SDK and opens the checkout with the options it is given, logging every
 * callback and event.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Merchant</title></head>
<body>
<h1>Acme AI</h1>
<script src="/dist/lava-checkout.iife.js"></script>
<script>
  window.__log = [];
  window.openCheckout = (token, options) => {
    window.LavaCheckout.open(token, {
      ...options,
      onSuccess: (r) => window.__log.push({ kind: 'success', ...r }),
      onCancel: (r) => window.__log.push({ kind: 'cancel', ...r }),
      onError: (e) => window.__log.push({ kind: 'error', code: e.code }),
      onEvent: (e) => window.__log.push({ kind: 'event', ...e }),
    });
  };
</script>
</body></html>`;

export function startLocaleMerchant(): Promise<StaticServer> {
  return startMerchantPages({ '/': { body: PAGE } });
}

export interface OpenOptions {
  /** The `locale` open option. */
  locale: string;
  theme?: 'light' | 'dark';
  session?: Omit<CreateSessionInput, 'origin'>;
}

export interface OpenedCheckout {
  frame: FrameLocator;
  session: CreatedSession;
  /** The session as the checkout received it from /api/flow/start (amounts, currency, plan). */
  start: StartResponse;
}

/** The merchant page, a new session for it (a subscription to the Pro plan unless told), and the checkout opened with `locale`. */
export async function openLocalized(page: Page, servers: CheckoutServers<TestSandbox>, options: OpenOptions): Promise<OpenedCheckout> {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({
    origin: servers.merchant.url,
    ...(options.session ?? { mode: 'subscription', subscription_config_id: 'subconf_pro' }),
  });
  const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/flow/start' && r.request().method() === 'POST');
  const openOptions = { locale: options.locale, appearance: options.theme ? { theme: options.theme } : {} };
  await page.evaluate(
    ([token, open]) => (window as unknown as { openCheckout(t: string, o: unknown): void }).openCheckout(token, open),
    [session.token, openOptions] as const,
  );
  const start = (await (await started).json()) as StartResponse;
  return { frame: checkoutFrame(page), session, start };
}

/** The payment intent the checkout is about to show (amount and currency), from its request for it. */
export function nextPaymentIntent(page: Page): Promise<PaymentIntentResponse> {
  return page
    .waitForResponse((r) => new URL(r.url()).pathname === '/api/flow/payment/intent' && r.request().method() === 'POST')
    .then((r) => r.json() as Promise<PaymentIntentResponse>);
}

/** The step whose heading is `title` (exactly) is showing. */
export async function expectStep(frame: FrameLocator, title: string): Promise<Locator> {
  const heading = frame.getByRole('heading', { name: title, exact: true });
  await expect(heading).toBeVisible({ timeout: STEP_TIMEOUT });
  return heading;
}

/** The frame's document says the language and direction the checkout shows. */
export async function expectDocumentLanguage(frame: FrameLocator, lang: string, dir: Direction = directionOf(lang as Locale)): Promise<void> {
  const html = frame.locator('html');
  await expect(html).toHaveAttribute('lang', lang, { timeout: STEP_TIMEOUT });
  await expect(html).toHaveAttribute('dir', dir);
}

/** The phone number field, by its label in the checkout's language. */
export function phoneField(frame: FrameLocator, t: Catalog): Locator {
  return frame.getByLabel(t.phone.number, { exact: true });
}

/** Phone step: a full international number typed key by key, then "send code". */
export async function enterPhone(frame: FrameLocator, t: Catalog, phone: string): Promise<void> {
  await expectStep(frame, t.phone.title);
  const number = phoneField(frame, t);
  await expect(number).toBeVisible({ timeout: STEP_TIMEOUT });
  await number.pressSequentially(phone);
  await frame.getByRole('button', { name: t.phone.submit, exact: true }).click();
}

/** Code step: the sandbox code (the field submits itself on the sixth digit). */
export async function enterCode(frame: FrameLocator, t: Catalog): Promise<void> {
  await expectStep(frame, t.code.title);
  await frame.getByLabel(t.code.label, { exact: true }).fill('000000');
}

/** Wallet step: a new wallet for `first` Tester. */
export async function createWallet(frame: FrameLocator, t: Catalog, first: string): Promise<void> {
  await expectStep(frame, t.wallet.createTitle);
  await frame.getByLabel(t.wallet.firstName, { exact: true }).fill(first);
  await frame.getByLabel(t.wallet.lastName, { exact: true }).fill('Tester');
  await frame.getByLabel(t.wallet.email, { exact: true }).fill(`${first.toLowerCase()}@example.com`);
  await frame.getByRole('button', { name: t.wallet.create, exact: true }).click();
}

/** The sandbox card form, by the labels of the checkout's language: `number`, 12 / 34, CVC 123. */
export async function fillCard(frame: FrameLocator, t: Catalog, number: string): Promise<void> {
  const field = frame.getByLabel(t.payment.cardNumber, { exact: true });
  await expect(field).toBeVisible({ timeout: STEP_TIMEOUT });
  await field.fill(number);
  await frame.getByLabel(t.payment.expiry, { exact: true }).fill('12 / 34');
  await frame.getByLabel(t.payment.cvc, { exact: true }).fill('123');
}

/** The success the merchant page was told of: once, for `checkoutSessionId`, naming a connection. */
export async function expectSuccess(page: Page, checkoutSessionId: string): Promise<string> {
  await expect
    .poll(async () => (await merchantLog(page)).filter((e) => e.kind === 'success').length, { timeout: 20_000 })
    .toBe(1);
  const success = (await merchantLog(page)).find((e) => e.kind === 'success')!;
  expect(success.checkoutSessionId).toBe(checkoutSessionId);
  expect(String(success.connectionId)).toMatch(/^conn_/);
  return String(success.connectionId);
}

/** The `ready` event the merchant page received. */
export async function readyEvent(page: Page): Promise<LogEntry | undefined> {
  return (await merchantLog(page)).find((e) => e.kind === 'event' && e.type === 'ready');
}

/**
 * Holds the success screen where it is: the frame's timers of `delay` ms (the success screen's
 * hand-back to the merchant page, DONE_DELAY_MS) wait until `release` runs them, so a check that
 * takes longer than that screen normally stays can read it.
 */
export async function holdTimersOf(frame: FrameLocator, delay: number): Promise<{ release(): Promise<void> }> {
  await frame.locator('html').evaluate((_, ms) => {
    const win = window as unknown as Window & { __releaseHeld?: () => void };
    const original = win.setTimeout.bind(win);
    const held: Array<() => void> = [];
    win.__releaseHeld = () => {
      for (const run of held.splice(0)) original(run, 0);
    };
    win.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
      if (timeout !== ms || typeof handler !== 'function') return original(handler, timeout, ...args);
      held.push(() => handler(...args));
      return 0;
    }) as typeof setTimeout;
  }, delay);
  return {
    release: () => frame.locator('html').evaluate(() => (window as unknown as { __releaseHeld(): void }).__releaseHeld()),
  };
}
