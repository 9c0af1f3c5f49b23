import { CHECKOUT_FRAME, readMerchantLog } from '../e2e/support/merchant-log';
import type { CreatedSession, CreateSessionInput } from '../e2e/support/sandbox-rest';
import { type Driver, type Scope, STEP_TIMEOUT, type Target, waitFor } from './driver/driver';
import type { EngineWorld } from './world';

/*
 * The customer's and the merchant's steps, written once over the driver interface: every engine
 * runs the same ones.
 */

export { CHECKOUT_FRAME };
/** The checkout iframe the host SDK opened on the merchant page (or inside `path` frames first). */
export function checkout(driver: Driver, ...path: string[]): Scope {
  return driver.frame(...path, CHECKOUT_FRAME);
}

/** The sandbox card that always succeeds. */
export const GOOD_CARD = '4242424242424242';

/** Waits until `scope`'s text matches `pattern`. */
export async function expectText(scope: Scope, pattern: RegExp, timeout = STEP_TIMEOUT): Promise<void> {
  await waitFor(
    `text ${pattern}`,
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what the customer reads.
    () => scope.run((p) => new RegExp(p.source, p.flags).test(document.body.innerText), { source: pattern.source, flags: pattern.flags }),
    timeout,
  );
}

/** Waits until the field labelled `label` is shown in `scope`. */
export async function expectField(scope: Scope, label: string, timeout = STEP_TIMEOUT): Promise<void> {
  await waitFor(`the field "${label}"`, () => scope.run(fieldShown, label), timeout);
}

function fieldShown(label: string): boolean {
  return [...document.querySelectorAll('label')].some(
    (l) => (l.textContent ?? '').trim() === label && !!l.control && l.control.getClientRects().length > 0,
  );
}

export const button = (name: RegExp): Target => ({ button: name });

/** Phone (a sandbox test number, typed key by key) -> code 000000 (auto-submits on the sixth digit). */
export async function verifyPhone(driver: Driver, phone: string): Promise<void> {
  const frame = checkout(driver);
  await frame.type({ label: 'Phone number' }, phone);
  await frame.click(button(/^Send code$/));
  await frame.type({ label: 'Verification code' }, '000000');
}

/** A new wallet for `first` Tester. */
export async function createWallet(driver: Driver, first: string): Promise<void> {
  const frame = checkout(driver);
  await frame.type({ label: 'First name' }, first);
  await frame.type({ label: 'Last name' }, 'Tester');
  await frame.type({ label: 'Email' }, `${first.toLowerCase()}@example.com`);
  await frame.click(button(/^Create wallet$/));
}

/** Onboarding / top-up: a custom amount, then on to the card. */
export async function chooseAmount(driver: Driver, amount: string): Promise<void> {
  const frame = checkout(driver);
  await frame.type({ label: 'Other amount (USD)' }, amount);
  await frame.click(button(/^Continue to payment$/));
}

/** Plan or bundle summary -> on to the card. */
export async function continueToPayment(driver: Driver): Promise<void> {
  await checkout(driver).click(button(/^Continue to payment$/));
}

/** The sandbox card form, then pay ("Pay …" or "Subscribe …"). */
export async function payWithCard(driver: Driver, card = { number: GOOD_CARD, expiry: '1234', cvc: '123' }): Promise<void> {
  const frame = checkout(driver);
  await frame.type({ label: 'Card number' }, card.number);
  await frame.type({ label: 'Expiry (MM/YY)' }, card.expiry);
  await frame.type({ label: 'CVC' }, card.cvc);
  await frame.click(button(/^(Pay|Subscribe)/));
}

export interface LogEntry {
  kind: 'success' | 'cancel' | 'error' | 'event';
  payload: Record<string, unknown>;
}

/** What the merchant page at `/` has seen: callbacks and events, in order. */
export function merchantLog(driver: Driver): Promise<LogEntry[]> {
  return driver.page.run(readMerchantLog, undefined) as Promise<LogEntry[]>;
}

/** Waits for the first terminal callback (success, cancel or error) on the merchant page. */
export async function terminal(driver: Driver, timeout = 20_000): Promise<LogEntry> {
  return waitFor('a terminal callback', async () => (await merchantLog(driver)).find((e) => e.kind !== 'event'), timeout);
}

/**
 * The merchant page at `/`, a new session for its origin (onboarding unless `input` says
 * otherwise), and the checkout opened for it: `openCheckout` (overlay), `mountCheckout` (inline),
 * or `click` (the token is handed to the page and its Subscribe button is clicked).
 */
export async function openNewSession(
  driver: Driver,
  world: EngineWorld,
  input: Omit<CreateSessionInput, 'origin'> = {},
  how: 'openCheckout' | 'mountCheckout' | 'click' = 'openCheckout',
): Promise<CreatedSession> {
  await driver.goto(`${world.merchant.url}/`);
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding', ...input });
  if (how !== 'click') {
    await callPage(driver, how, session.token);
    return session;
  }
  await driver.page.run((token) => {
    (window as unknown as { __token: string }).__token = token;
  }, session.token);
  await driver.page.click(button(/^Subscribe$/));
  return session;
}

/** Calls one of the merchant page's functions (`openCheckout`, `mountCheckout`, `preloadCheckout`). */
export async function callPage(driver: Driver, name: 'openCheckout' | 'mountCheckout' | 'preloadCheckout', arg: string): Promise<void> {
  await driver.page.run(([fn, value]) => {
    (window as unknown as Record<string, (v: string) => void>)[fn]!(value);
  }, [name, arg] as const);
}

/** How many checkout iframes the merchant page holds. */
export function checkoutFrames(driver: Driver): Promise<number> {
  return driver.page.run((css) => document.querySelectorAll(css).length, CHECKOUT_FRAME);
}

/** What has focus in a document: its tag, id, label, and the error it is described by (if any). */
export interface Focused {
  tag: string;
  id: string;
  label: string;
  invalid: boolean;
  /** The text of the elements its aria-describedby names that are announced (aria-live or role=alert). */
  announced: string;
}

export function focused(scope: Scope): Promise<Focused | null> {
  return scope.run(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !document.hasFocus()) return null;
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    const announced = (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? document.getElementById(id) : null))
      .filter((d): d is HTMLElement => !!d && !!d.closest('[aria-live], [role="alert"]'))
      .map((d) => (d.textContent ?? '').trim())
      .join(' ');
    return { tag: el.tagName.toLowerCase(), id: el.id, label, invalid: el.getAttribute('aria-invalid') === 'true', announced };
  }, undefined);
}

/** The text of every alert (role=alert) in a document. */
export function alerts(scope: Scope): Promise<string[]> {
  return scope.run(
    () => [...document.querySelectorAll('[role="alert"]')].map((a) => (a.textContent ?? '').trim()).filter(Boolean),
    undefined,
  );
}
