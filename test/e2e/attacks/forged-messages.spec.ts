import type { Page } from '@playwright/test';
import { pressClose } from '../support/checkout-close';
import type { CreatedSession } from '../support/sandbox';
import { expect, test } from '../support/test';
import {
  addFrame,
  attackWorldPerFile,
  expectUntouched,
  forgedPayloads,
  forgeFrom,
  openReadyCheckout,
  terminalCallbacks,
} from './support';

const world = attackWorldPerFile();
const SDK_FRAME = 'iframe[title="Lava checkout"]';

async function openReady(page: Page) {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  await openReadyCheckout(page, world, session);
  return { session };
}

/**
 * After the forgeries the real connection still works: the customer's close reaches the host
 * and the app's answer comes back, so the page gets exactly one onCancel, naming the session
 * (a cancel the host made up after its close grace would name none).
 */
async function expectRealCheckoutCloses(page: Page, session: CreatedSession): Promise<void> {
  // The SDK's own frame, by its title: some attacks add other frames of the checkout origin.
  await pressClose(page.frameLocator(SDK_FRAME));
  await expect(page.locator(SDK_FRAME)).toHaveCount(0, { timeout: 10_000 });
  expect(await terminalCallbacks(page)).toEqual([expect.objectContaining({ kind: 'cancel', checkoutSessionId: session.checkoutSessionId })]);
}

test('given a frame of the attacker origin on the merchant page, when it posts success/cancel/error in every shape, then no callback fires, and the real checkout still closes with one onCancel', async ({ page }) => {
  const { session } = await openReady(page);
  const frame = await addFrame(page, { src: `${world.attacker.url}/frame.html` });
  const attempts = await forgeFrom(frame, forgedPayloads(session.checkoutSessionId));
  await expectUntouched(page, 'forged-messages (third-origin frame)', attempts);
  await expectRealCheckoutCloses(page, session);
});

test('given the merchant window posting to itself, then no callback fires, and the real checkout still closes with one onCancel', async ({ page }) => {
  const { session } = await openReady(page);
  const payloads = forgedPayloads(session.checkoutSessionId);
  const attempts = await page.evaluate((p) => {
    for (const message of p) {
      window.postMessage(message, '*');
      window.postMessage(message, window.location.origin, [new MessageChannel().port2]);
    }
    return p.length * 2;
  }, payloads);
  await expectUntouched(page, 'forged-messages (merchant self-post)', attempts);
  await expectRealCheckoutCloses(page, session);
});

test('given a null-origin sandboxed frame, when it posts forged messages, then no callback fires, and the real checkout still closes with one onCancel', async ({ page }) => {
  const { session } = await openReady(page);
  const frame = await addFrame(page, { src: `${world.attacker.url}/sandboxed.html`, sandbox: 'allow-scripts' });
  expect(await frame.evaluate(() => window.origin)).toBe('null');
  const attempts = await forgeFrom(frame, forgedPayloads(session.checkoutSessionId));
  await expectUntouched(page, 'forged-messages (null origin)', attempts);
  await expectRealCheckoutCloses(page, session);
});

test('given lookalike origins (same host other port, same port other host), when they post forged messages, then no callback fires, and the real checkout still closes with one onCancel', async ({ page }) => {
  const { session } = await openReady(page);
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
  await expectUntouched(page, 'forged-messages (lookalike origins)', attempts);
  await expectRealCheckoutCloses(page, session);
});

test('given a second checkout iframe of the real checkout origin, when it says hello and posts forged messages, then no callback fires, and the real checkout still closes with one onCancel', async ({ page }) => {
  const { session } = await openReady(page);
  const second = await addFrame(page, { src: `${world.sandbox.url}/embed/checkout` });
  const payloads = forgedPayloads(session.checkoutSessionId);
  const attempts = await second.evaluate((p) => {
    for (const message of p) {
      window.parent.postMessage(message, '*');
      window.parent.postMessage(message, '*', [new MessageChannel().port2]);
    }
    return p.length * 2;
  }, payloads);
  await expectUntouched(page, 'forged-messages (second checkout frame)', attempts);
  await expectRealCheckoutCloses(page, session);
});
