import { expect, expectPageError, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, createWallet, STEP_TIMEOUT, verifyPhone } from '../support/checkout-steps';
import { startSandboxProcess } from '../support/sandbox-process';
import { openNewSession, startMerchant } from '../flow/merchant';

// On a real network a chunk can fail to load. The production checkout says so and loads it again
// when the customer asks, and the checkout goes on from where it was: nothing is lost.
const servers = checkoutServersPerFile(startSandboxProcess, startMerchant);

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 60_000 });

test('given the later steps’ chunk drops, then the customer sees it and Try again loads it, on the same verified session', async ({ page }) => {
  // Every request for it fails (the prefetch during the code step, the load) until the customer
  // has seen the failure.
  let dropped = 0;
  let online = false;
  await page.context().route(/\/assets\/LaterScreen-[^/]*\.js$/, async (route) => {
    if (online) return route.continue();
    dropped++;
    await route.abort('internetdisconnected');
  });
  expectPageError(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/, {
    from: /\/assets\/LaterScreen-[^/]*\.js$/,
    why: 'the chunk of the later steps is dropped on purpose',
  });
  await openNewSession(page, servers, { mode: 'onboarding', reference_id: 'dropped_chunk_1' });
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550140');

  await expect(frame.getByRole('heading', { name: 'Connection lost' })).toBeVisible({ timeout: STEP_TIMEOUT });
  await expect(frame.getByRole('alert')).toHaveText('We could not reach Lava. Check your connection and try again.');
  expect(dropped).toBeGreaterThanOrEqual(1);
  online = true;
  await frame.getByRole('button', { name: 'Try again' }).click();

  // The new customer's wallet step: the phone stays verified, no code asked again.
  await createWallet(frame, 'Drop');
  await expect(frame.getByLabel('Other amount (USD)')).toBeVisible({ timeout: STEP_TIMEOUT });
});
