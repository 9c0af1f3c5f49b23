import { waitFor } from './driver/driver';
import { test } from './fixtures';
import { checkout, expectField , openNewSession } from './steps';

// The page-error check itself, in every engine: each of these tests must be failed by the
// fixture (test.fail() turns that into a pass; had the error gone unseen, the run would fail
// with "expected to fail, but passed").

async function openCheckout(driver: import('./driver/driver').Driver, world: import('./world').EngineWorld) {
  await openNewSession(driver, world);
  await expectField(checkout(driver), 'Phone number');
}

/** Gives an error thrown in a task time to reach the probe. */
const settle = () => new Promise((done) => setTimeout(done, 300));

test('an uncaught error in the merchant page fails the test', async ({ driver, world }) => {
  test.fail();
  await driver.goto(`${world.merchant.url}/`);
  await driver.page.run(() => {
    setTimeout(() => {
      throw new Error('deliberate error in the merchant page');
    });
  }, undefined);
  await settle();
});

test('an uncaught error in the checkout frame fails the test', async ({ driver, world }) => {
  test.fail();
  await openCheckout(driver, world);
  await checkout(driver).run(() => {
    setTimeout(() => {
      throw new Error('deliberate error in the checkout frame');
    });
  }, undefined);
  await settle();
});

test('an unhandled rejection in the checkout frame fails the test', async ({ driver, world }) => {
  test.fail();
  await openCheckout(driver, world);
  await checkout(driver).run(() => {
    void Promise.reject(new Error('deliberate rejection in the checkout frame'));
  }, undefined);
  await settle();
});

test('a console.error in the checkout frame fails the test, even after the frame is gone', async ({ driver, world }) => {
  test.fail();
  await openCheckout(driver, world);
  await checkout(driver).run(() => console.error('deliberate console.error in the checkout frame'), undefined);
  await driver.press('Escape');
  await waitFor('the overlay to close', () => driver.page.run(() => document.querySelectorAll('iframe').length === 0, undefined));
});

test('a page error this test allows by name does not fail it', async ({ driver, world, pageErrors }) => {
  pageErrors.allow(/^deliberate, allowed by this test$/);
  await openCheckout(driver, world);
  await checkout(driver).run(() => console.error('deliberate, allowed by this test'), undefined);
  await settle();
});
