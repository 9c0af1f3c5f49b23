import type { Frame, Page } from '@playwright/test';
import { type LogEntry, readMerchantLog } from '../support/merchant-log';
import { expect, expectFailedLoad, expectPageError, test } from '../support/test';
import { attackWorldPerFile, forgedPayloads, openReadyCheckout, record, terminalCallbacks } from './support';

const world = attackWorldPerFile();

type Got = Array<{ origin: string; data: string; ports: number }>;
const got = (frame: Page | Frame) => frame.evaluate(() => (window as unknown as { __got: Got }).__got);
const flowCalls = (page: Page) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/flow/')) calls.push(r.url());
  });
  return calls;
};
const settle = (page: Page, ms = 1500) => page.evaluate((t) => new Promise((done) => setTimeout(done, t)), ms);

test('given the attacker frames the legacy checkout URL of a session bound to the merchant, then the page refuses to load in the frame and the attacker receives nothing', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const calls = flowCalls(page);
  expectPageError(new RegExp(`^Framing '${world.sandbox.url}/' violates the following Content Security Policy directive: "frame-ancestors ${world.merchant.url}"`), {
    why: "the checkout page's frame-ancestors names the session's merchant only, so the browser blocks the attacker's frame",
  });
  await page.goto(`${world.attacker.url}/legacy.html`);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.appendChild(frame);
  }, `${world.sandbox.base}embed/checkout/${session.secret}`);
  await settle(page);
  const messages = await got(page);
  record('hostile-framing (legacy path)', 1, messages.length + calls.length, 'accepted');
  expect(messages).toEqual([]);
  expect(calls).toEqual([]);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(await frame?.evaluate(() => document.querySelector('#root, main, [role="dialog"]') !== null).catch(() => false)).toBe(false);
});

test('given the attacker opens a stolen token with the SDK (modern path), then the checkout refuses with origin_mismatch, shows no step and no callback reports anything', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  expectFailedLoad(`${world.sandbox.url}/api/flow/start`, 403, { why: 'the sandbox refuses to start the session from the attacker origin (origin_mismatch)' });
  await page.goto(`${world.attacker.url}/modern.html`);
  await page.addScriptTag({ url: `${world.merchant.url}/dist/lava-checkout.iife.js` });
  await page.evaluate((token) => {
    const w = window as unknown as { __got: unknown[]; LavaCheckout: { open(t: string, o: object): void } };
    w.LavaCheckout.open(token, {
      onSuccess: (r: unknown) => w.__got.push({ origin: 'callback', data: JSON.stringify({ success: r }), ports: 0 }),
      onCancel: (r: unknown) => w.__got.push({ origin: 'callback', data: JSON.stringify({ cancel: r }), ports: 0 }),
      onError: (e: { code: string }) => w.__got.push({ origin: 'callback', data: JSON.stringify({ error: e.code }), ports: 0 }),
      onEvent: (e: { type: string; code?: string }) => w.__got.push({ origin: 'event', data: JSON.stringify({ event: e.type, code: e.code }), ports: 0 }),
    });
  }, session.token);
  await expect
    .poll(async () => (await got(page)).map((m) => m.data), { timeout: 15_000 })
    .toContain('{"event":"error","code":"origin_mismatch"}');
  const callbacks = (await got(page)).filter((m) => m.origin === 'callback');
  record('hostile-framing (modern path)', 1, callbacks.length);
  expect(callbacks).toEqual([]);
  const checkout = page.frameLocator('iframe[title="Lava checkout"]');
  await expect(checkout.getByLabel('Phone number', { exact: true })).toHaveCount(0);
});

test('given the attacker frames the merchant page, when the merchant opens its checkout inside, then the checkout refuses and the attacker receives nothing', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  expectFailedLoad(`${world.sandbox.url}/api/flow/start`, 403, { why: 'the sandbox refuses to start the session in a merchant page framed by the attacker (origin_mismatch)' });
  await page.goto(`${world.attacker.url}/outer.html`);
  await page.evaluate(
    (src) =>
      new Promise<void>((done) => {
        const frame = document.createElement('iframe');
        frame.name = 'merchant';
        frame.src = src;
        frame.onload = () => done();
        document.body.appendChild(frame);
      }),
    `${world.merchant.url}/`,
  );
  const merchant = page.frame({ name: 'merchant' })!;
  await merchant.evaluate((token) => (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.token);
  const checkout = page.frameLocator('iframe[name="merchant"]').frameLocator('iframe[title="Lava checkout"]');
  await expect(checkout.getByRole('alert')).toContainText('not created for', { timeout: 15_000 });
  const phoneShown = await checkout.getByLabel('Phone number', { exact: true }).count();
  const messages = await got(page);
  const merchantLog = (await merchant.evaluate(readMerchantLog)) as LogEntry[];
  record('hostile-framing (merchant page framed)', 1, phoneShown + messages.length);
  expect(messages).toEqual([]);
  expect(phoneShown).toBe(0);
  expect(merchantLog.filter((e) => e.kind === 'event' && e.type === 'error').map((e) => e.code)).toEqual(['origin_mismatch']);
});

test('given the handshake is done, when the checkout frame is navigated to the attacker origin, then nothing the host sends reaches it and nothing it sends is accepted', async ({ page }) => {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  await openReadyCheckout(page, world, session);
  const checkout = page.frames().find((f) => f.url().includes('/embed/checkout'))!;
  await checkout.goto(`${world.lookalike.url}/took-over.html`);
  const attackerFrame = page.frames().find((f) => f.url().startsWith(world.lookalike.url))!;
  const payloads = forgedPayloads(session.checkoutSessionId);
  const attempts = await attackerFrame.evaluate((p) => {
    const forge = (window as unknown as { __forge: (w: string, p: unknown[], port: boolean) => number }).__forge;
    return forge('parent', p, false) + forge('parent', p, true);
  }, payloads);
  // Ask the host to close: a close request would travel to the frame if the host still trusted it.
  await page.keyboard.press('Escape');
  await settle(page, 800);
  const received = await got(attackerFrame);
  const fired = (await terminalCallbacks(page)).filter((e) => e.kind === 'success' || e.kind === 'cancel');
  record('navigated-frame (forged in)', attempts, fired.length);
  record('navigated-frame (host messages out)', 1, received.length, 'delivered');
  expect(received).toEqual([]);
  expect(fired).toEqual([]);
});
