import { expect, test } from './fixtures';
import { expectText } from './steps';

test.describe.configure({ timeout: 60_000 });

test('the legacy URL opened as a page of its own is refused, in this engine: the refusal is shown, nothing starts, the secret is not shown back', async ({ driver, world }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  await driver.goto(`${world.sandbox.base}embed/checkout/${session.secret}`);
  // The sandbox's 403 page where the engine sends Sec-Fetch-Dest, the app's own screen where not.
  await expectText(driver.page, /Open this checkout from the merchant's website/);
  await driver.page.run(() => new Promise((done) => setTimeout(done, 500)), undefined);
  const page = await driver.page.run(() => ({ html: document.documentElement.outerHTML, fields: document.querySelectorAll('input').length }), undefined);
  expect(page.fields).toBe(0);
  expect(page.html).not.toContain(session.secret);
  const started = world.sandbox.sandbox.db.prepare('SELECT COUNT(*) AS n FROM flow_credentials WHERE session_id = ?').get(session.checkoutSessionId);
  expect(started).toEqual({ n: 0 });
});
