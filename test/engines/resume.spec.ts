import { waitFor } from './driver/driver';
import { expect, test } from './fixtures';
import type { EngineWorld } from './world';
import { callPage, checkout, expectField, merchantLog, openNewSession, verifyPhone } from './steps';

test.describe.configure({ timeout: 120_000 });

/** The first step the merchant page heard of: the ready event's, or the first step change's. */
async function firstStep(driver: Parameters<typeof merchantLog>[0]): Promise<unknown> {
  const log = await waitFor('the ready event', async () => {
    const entries = await merchantLog(driver);
    return entries.some((e) => e.kind === 'event' && e.payload.type === 'ready') ? entries : null;
  });
  return log.find((e) => e.kind === 'event' && (e.payload.type === 'ready' || e.payload.type === 'step'))?.payload.step;
}

/** Start with only the token, from a script: no Origin header, the merchant's parent_origin written in. */
async function startWithTokenOnly(world: EngineWorld, secret: string): Promise<unknown> {
  const res = await fetch(`${world.sandbox.url}/api/flow/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret, parent_origin: world.merchant.url }),
  });
  return ((await res.json()) as { progress: unknown }).progress;
}

/** What getResult answers for the session: where the customer is, nothing personal. */
async function resultOf(world: EngineWorld, secret: string): Promise<unknown> {
  const res = await fetch(`${world.sandbox.url}/api/checkout/result`, { method: 'POST', body: JSON.stringify({ secret }) });
  return res.json();
}

test("resume needs the customer's browser: a script and a second, fresh browser with the same token start at the phone step; the first browser, reloading, resumes past it", async ({ driver, world }) => {
  const session = await openNewSession(driver, world);
  await verifyPhone(driver, '2015550190');
  await expectField(checkout(driver), 'First name');

  // While the customer is at the wallet step, a script holding the token gets the phone step.
  expect(await startWithTokenOnly(world, session.secret)).toEqual({ step: 'phone', verified: false });

  // The customer's browser reloads: it proves the token this engine kept for it (sessionStorage,
  // or the partitioned cookie where the frame may not use storage) and resumes; the token rotates.
  await driver.reload();
  await callPage(driver, 'openCheckout', session.token);
  await expectField(checkout(driver), 'First name');
  expect(await firstStep(driver)).toBe('wallet');
  expect(await checkout(driver).run(() => document.querySelectorAll('input[type="tel"]').length, undefined)).toBe(0);

  // A second browser (a fresh state: no storage, no cookies) with the same token: the phone step
  // (to go on, it must verify by code), nothing of the customer.
  await driver.reset();
  await driver.goto(`${world.merchant.url}/`);
  await callPage(driver, 'openCheckout', session.token);
  await expectField(checkout(driver), 'Phone number');
  expect(await firstStep(driver)).toBe('phone');
  expect(await checkout(driver).run(() => document.body.textContent?.includes('••') ?? false, undefined)).toBe(false);
  // Nothing it did spent the customer's state: the session is still at the wallet step.
  expect(await resultOf(world, session.secret)).toEqual({ status: 'open', step: 'wallet', checkoutSessionId: session.checkoutSessionId });
});
