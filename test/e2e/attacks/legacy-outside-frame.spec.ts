import type { Page } from '@playwright/test';
import { expect, expectFailedLoad, test } from '../support/test';
import { attackWorldPerFile, record } from './support';

// The legacy URL (`/embed/checkout/<secret>`) works only inside the merchant's
// page. Sent to a customer as a link on the genuine checkout domain, it must start nothing: no flow
// credential, no code, no step, and the secret is not shown back.
const world = attackWorldPerFile();
const FAMILY = 'legacy page outside a frame';
const REFUSED = "Open this checkout from the merchant's website";

/** Flow credentials the sandbox holds for the session: 0 while nothing started it. */
function credentialsOf(checkoutSessionId: string): number {
  const row = world.sandbox.sandbox.db.prepare('SELECT COUNT(*) AS n FROM flow_credentials WHERE session_id = ?').get(checkoutSessionId) as { n: number };
  return row.n;
}

function flowCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/flow/')) calls.push(r.url());
  });
  return calls;
}

test('given the legacy URL opened as a page of its own (the browser says Sec-Fetch-Dest: document), then the sandbox answers a 403 page that says why, and the session is not started', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const url = `${world.sandbox.base}embed/checkout/${session.secret}`;
  expectFailedLoad(url, 403, { why: 'the sandbox refuses the legacy page loaded as a document' });
  const calls = flowCalls(page);
  const response = await page.goto(url);
  await page.waitForTimeout(1000);
  const html = await page.content();
  const accepted = Number(response?.status() !== 403) + calls.length + credentialsOf(session.checkoutSessionId) + Number(html.includes(session.secret));
  record(FAMILY, 1, Math.min(accepted, 1));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: REFUSED })).toBeVisible();
  expect(calls).toEqual([]);
  expect(credentialsOf(session.checkoutSessionId)).toBe(0);
  expect(html).not.toContain(session.secret);
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveCount(0);
});

test('given a request for the legacy URL that says it is not for a frame (document, empty, embed, object, frame), then 403 without the app or the secret', async () => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const dests = ['document', 'empty', 'embed', 'object', 'frame'];
  let accepted = 0;
  for (const dest of dests) {
    const res = await fetch(`${world.sandbox.base}embed/checkout/${session.secret}`, { headers: { 'sec-fetch-dest': dest, 'sec-fetch-mode': 'navigate' } });
    const body = await res.text();
    if (res.status !== 403 || body.includes('<title>Lava checkout</title>') || body.includes(session.secret)) accepted += 1;
  }
  record(FAMILY, dests.length, accepted);
  expect(accepted).toBe(0);
  expect(credentialsOf(session.checkoutSessionId)).toBe(0);
});

test('given a browser that does not send Sec-Fetch-Dest, when the legacy URL is opened top-level, then the app itself refuses: the failure screen, no start, the session untouched', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const url = `${world.sandbox.base}embed/checkout/${session.secret}`;
  // The page as a browser without Fetch Metadata gets it (the sandbox serves the app then).
  await page.route(url, async (route) => {
    const res = await fetch(url);
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() });
  });
  const calls = flowCalls(page);
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  const refused = page.getByRole('heading', { name: REFUSED });
  await expect(refused.or(page.getByLabel('Phone number', { exact: true }))).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(500);
  const accepted = Number((await refused.count()) === 0) + calls.length + credentialsOf(session.checkoutSessionId);
  record(FAMILY, 1, Math.min(accepted, 1));
  await expect(refused).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('only works inside the website that started it');
  expect(calls).toEqual([]);
  expect(credentialsOf(session.checkoutSessionId)).toBe(0);
  // The secret left the address bar as the app started.
  expect(page.url()).toBe(`${world.sandbox.base}embed/checkout`);
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveCount(0);
});
