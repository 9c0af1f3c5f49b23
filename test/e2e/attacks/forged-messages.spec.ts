import { expect, type Frame, type Page, test } from '@playwright/test';
import {
  type AttackWorld,
  addFrame,
  forgedPayloads,
  openReadyCheckout,
  printFamilies,
  record,
  startAttackWorld,
  terminalCallbacks,
} from './support';

let world: AttackWorld;

test.describe.configure({ timeout: 60_000 });
test.beforeAll(async () => {
  world = await startAttackWorld();
});
test.afterAll(async () => {
  printFamilies();
  await world?.close();
});

/** Fires every forged payload from `frame` at the merchant window, with and without a port. */
async function forgeFrom(frame: Frame, payloads: unknown[], which: 'parent' | 'top' = 'parent'): Promise<number> {
  const withoutPort = await frame.evaluate(([w, p]) => (window as unknown as { __forge: (w: string, p: unknown[], port: boolean) => number }).__forge(w as string, p as unknown[], false), [which, payloads] as const);
  const withPort = await frame.evaluate(([w, p]) => (window as unknown as { __forge: (w: string, p: unknown[], port: boolean) => number }).__forge(w as string, p as unknown[], true), [which, payloads] as const);
  return withoutPort + withPort;
}

/** After the forgeries: no callback fired, no page error, the checkout is still open and usable. */
async function expectUntouched(page: Page, errors: Error[], family: string, attempts: number): Promise<void> {
  // Let any message in flight land before counting.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const fired = await terminalCallbacks(page);
  record(family, attempts, fired.length);
  expect(fired).toEqual([]);
  expect(errors).toEqual([]);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(1);
  await expect(page.frameLocator('iframe[title="Lava checkout"]').getByLabel('Phone number', { exact: true })).toBeEditable();
}

async function openWithErrors(page: Page) {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  await openReadyCheckout(page, world, session);
  return { session, errors };
}

test('given a frame of the attacker origin on the merchant page, when it posts success/cancel/error in every shape, then no callback fires', async ({ page }) => {
  const { session, errors } = await openWithErrors(page);
  const frame = await addFrame(page, { src: `${world.attacker.url}/frame.html` });
  const attempts = await forgeFrom(frame, forgedPayloads(session.checkoutSessionId));
  await expectUntouched(page, errors, 'forged-messages (third-origin frame)', attempts);
});

test('given the merchant window posting to itself, then no callback fires', async ({ page }) => {
  const { session, errors } = await openWithErrors(page);
  const payloads = forgedPayloads(session.checkoutSessionId);
  const attempts = await page.evaluate((p) => {
    for (const message of p) {
      window.postMessage(message, '*');
      window.postMessage(message, window.location.origin, [new MessageChannel().port2]);
    }
    return p.length * 2;
  }, payloads);
  await expectUntouched(page, errors, 'forged-messages (merchant self-post)', attempts);
});

test('given a null-origin sandboxed frame, when it posts forged messages, then no callback fires', async ({ page }) => {
  const { session, errors } = await openWithErrors(page);
  const frame = await addFrame(page, { src: `${world.attacker.url}/sandboxed.html`, sandbox: 'allow-scripts' });
  expect(await frame.evaluate(() => window.origin)).toBe('null');
  const attempts = await forgeFrom(frame, forgedPayloads(session.checkoutSessionId));
  await expectUntouched(page, errors, 'forged-messages (null origin)', attempts);
});

test('given lookalike origins (same host other port, same port other host), when they post forged messages, then no callback fires', async ({ page }) => {
  const { session, errors } = await openWithErrors(page);
  const checkoutPort = new URL(world.sandbox.url).port;
  const otherPort = await addFrame(page, { src: `${world.lookalike.url}/lookalike.html` });
  // The real checkout app served under another host name for the same server: a different origin.
  const otherHost = await addFrame(page, { src: `http://localhost:${checkoutPort}/embed/checkout` });
  const payloads = forgedPayloads(session.checkoutSessionId);
  let attempts = await forgeFrom(otherPort, payloads);
  attempts += await otherHost.evaluate((p) => {
    for (const message of p) window.parent.postMessage(message, '*');
    return p.length;
  }, payloads);
  await expectUntouched(page, errors, 'forged-messages (lookalike origins)', attempts);
});

test('given a second checkout iframe of the real checkout origin, when it says hello and posts forged messages, then no callback fires', async ({ page }) => {
  const { session, errors } = await openWithErrors(page);
  const second = await addFrame(page, { src: `${world.sandbox.url}/embed/checkout` });
  const payloads = forgedPayloads(session.checkoutSessionId);
  const attempts = await second.evaluate((p) => {
    for (const message of p) {
      window.parent.postMessage(message, '*');
      window.parent.postMessage(message, '*', [new MessageChannel().port2]);
    }
    return p.length * 2;
  }, payloads);
  await expectUntouched(page, errors, 'forged-messages (second checkout frame)', attempts);
});
