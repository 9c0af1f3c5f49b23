import type { Frame, Page } from '@playwright/test';
import { expect, expectPageError, test } from '../support/test';
import config from '../../../playwright.config';
import type { Scheme } from '../support/https-server';
import {
  checkoutFrame,
  chooseAmount,
  createWallet,
  fillCard,
  payButton,
  pressClose,
  STEP_TIMEOUT,
  verifyPhone,
} from '../flow/merchant';
import { CHECKOUT_HOST, type LookalikeServer, startLookalikeServer, TEST_HOST_RULES } from './lookalike-server';
import { addFrame, attackWorldPerFile, expectUntouched, forgedPayloads, forgeFrom, openReadyCheckout, record, terminalCallbacks } from './support';

// Only this file: `*.test` names resolve to the loopback servers, and the self-signed
// certificate of the HTTPS side is accepted. The configured browser and flags are kept.
const launchOptions = config.use?.launchOptions ?? {};
test.use({
  locale: 'en-US',
  ignoreHTTPSErrors: true,
  launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), TEST_HOST_RULES] },
});
// The lookalike server forwards the real checkout's requests with the browser's Host header kept:
// the sandbox answers those two names (with and without the trailing dot) like its own.
const world = attackWorldPerFile(120_000, { allowedHosts: [CHECKOUT_HOST, `${CHECKOUT_HOST}.`] });
let server: LookalikeServer;

test.beforeAll(async () => {
  server = await startLookalikeServer(world.sandbox.url);
});
test.afterAll(async () => {
  await server?.close();
});

const SCHEME_FAMILY = 'lookalike origins (http vs https)';
const SUFFIX_FAMILY = 'lookalike origins (domain suffix tricks)';
const TOKEN_FAMILY = 'lookalike origins (token host case and trailing dot)';

type Got = Array<{ origin: string; data: string; ports: number }>;

/**
 * Here the real checkout is served on a name that is not Lava's (a `.test` name mapped to
 * loopback), as a merchant's staging checkout would be: the merchant lists its origins in
 * `checkoutOrigins` (the https and http origins of that name, and the name with a trailing dot).
 * The lookalikes are never listed.
 */
function listedCheckoutOrigins(): string[] {
  return [server.url('https', CHECKOUT_HOST), server.url('http', CHECKOUT_HOST), server.url('https', `${CHECKOUT_HOST}.`)];
}

/** The merchant page with the real checkout open and ready where the token's base says. */
async function openAt(page: Page, scheme: Scheme, host: string) {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const token = server.rebase(session.token, scheme, host);
  await openReadyCheckout(page, world, { ...session, token }, { checkoutOrigins: listedCheckoutOrigins() });
  return { session, token };
}

/**
 * A frame at each origin posts hello, success, cancel and error in every shape (with and without
 * a port). Each frame is checked to really be that origin first, so a lookalike the browser
 * folded into another origin could not pass unnoticed.
 */
async function forgeFromOrigins(page: Page, origins: string[], checkoutSessionId: string) {
  const frames: Frame[] = [];
  let attempts = 0;
  for (const origin of origins) {
    const frame = await addFrame(page, { src: `${origin}/attacker/frame.html` });
    expect(await frame.evaluate(() => window.origin)).toBe(origin);
    attempts += await forgeFrom(frame, forgedPayloads(checkoutSessionId));
    frames.push(frame);
  }
  return { frames, attempts };
}

/** No lookalike frame was answered: a hello from it never got the host's connect (or anything). */
async function expectNoAnswer(frames: Frame[], family: string): Promise<void> {
  const received: Got = [];
  for (const frame of frames) received.push(...(await frame.evaluate(() => (window as unknown as { __got: Got }).__got)));
  record(family, 0, received.length);
  expect(received).toEqual([]);
}

/** The real checkout still answers its customer: closing it ends in exactly one onCancel. */
async function expectStillCancellable(page: Page, checkoutSessionId: string): Promise<void> {
  await pressClose(checkoutFrame(page));
  await expect.poll(() => terminalCallbacks(page), { timeout: STEP_TIMEOUT }).toEqual([expect.objectContaining({ kind: 'cancel', checkoutSessionId })]);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(0);
}

test('given the real checkout on https, when frames of the same host over http (same port, other port) and of its IP post forged messages, then no callback fires and the checkout still completes', async ({ page }) => {
  const { session } = await openAt(page, 'https', CHECKOUT_HOST);
  const lookalikes = [
    server.url('http', CHECKOUT_HOST),
    `http://${CHECKOUT_HOST}:${world.lookalike.port}`,
    server.url('https', '127.0.0.1'),
  ];
  const { frames, attempts } = await forgeFromOrigins(page, lookalikes, session.checkoutSessionId);
  await expectUntouched(page, SCHEME_FAMILY, attempts);
  await expectNoAnswer(frames, SCHEME_FAMILY);

  const checkout = checkoutFrame(page);
  await verifyPhone(checkout, '2015550130');
  await createWallet(checkout, 'Lou');
  await chooseAmount(checkout, '10.00');
  await fillCard(checkout, '4242 4242 4242 4242');
  await payButton(checkout).click();
  await expect
    .poll(() => terminalCallbacks(page), { timeout: 20_000 })
    .toEqual([expect.objectContaining({ kind: 'success', checkoutSessionId: session.checkoutSessionId })]);
  const charges = (await world.sandbox.charges()).filter((c) => c.checkout_session_id === session.checkoutSessionId);
  expect(charges).toHaveLength(1);
});

test('given the real checkout on http, when a frame of the same host and port over https posts forged messages, then no callback fires and the checkout is still cancellable', async ({ page }) => {
  expectPageError(/^The Cross-Origin-Opener-Policy header has been ignored, because the URL's origin was untrustworthy\./, {
    from: new RegExp(`^${server.url('http', CHECKOUT_HOST)}/embed/checkout$`),
    why: 'this test serves the real checkout over plain http on a host name that is not loopback',
  });
  const { session } = await openAt(page, 'http', CHECKOUT_HOST);
  const { frames, attempts } = await forgeFromOrigins(page, [server.url('https', CHECKOUT_HOST)], session.checkoutSessionId);
  await expectUntouched(page, SCHEME_FAMILY, attempts);
  await expectNoAnswer(frames, SCHEME_FAMILY);
  await expectStillCancellable(page, session.checkoutSessionId);
});

test('given the real checkout on its host name, when frames of suffix and prefix lookalikes of that name post forged messages, then no callback fires and the checkout is still cancellable', async ({ page }) => {
  const { session } = await openAt(page, 'https', CHECKOUT_HOST);
  const lookalikes = [
    `${CHECKOUT_HOST}.evil.test`,
    `${CHECKOUT_HOST}-evil.test`,
    `evil${CHECKOUT_HOST}`,
    'checkout-lava.test',
    'checkoutlava.test',
    'lava.test',
    `www.${CHECKOUT_HOST}`,
    `${CHECKOUT_HOST}.`,
  ].map((host) => server.url('https', host));
  const { frames, attempts } = await forgeFromOrigins(page, lookalikes, session.checkoutSessionId);
  await expectUntouched(page, SUFFIX_FAMILY, attempts);
  await expectNoAnswer(frames, SUFFIX_FAMILY);
  await expectStillCancellable(page, session.checkoutSessionId);
});

/** From now on the merchant window counts the channels it makes (the host makes one per hello it answers). */
async function countChannels(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const w = window as unknown as { __channels: number; MessageChannel: typeof MessageChannel };
    const Native = w.MessageChannel;
    w.__channels = 0;
    w.MessageChannel = class extends Native {
      constructor() {
        super();
        w.__channels++;
      }
    };
  });
}

/**
 * The SDK's own iframe is redirected before the handshake to `to`, where the attacker's page says
 * hello and forges the rest from that very window, so the sender-window check passes and only
 * the origin comparison stands between it and the host.
 */
async function helloFromRedirectedChild(page: Page, to: string, forge = true) {
  // Long enough that the frame is still there when it is read back, even on a busy machine.
  const timeout = forge ? 10_000 : 60_000;
  await page.goto(`${world.merchant.url}/`);
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  const token = server.redirecting(session.token, to);
  await page.evaluate((t) => (window as unknown as { openCheckout(token: string, o: object): void }).openCheckout(t.token, { timeout: t.timeout, checkoutOrigins: t.origins }), {
    token,
    timeout,
    origins: listedCheckoutOrigins(),
  });
  await expect.poll(() => page.frames().some((f) => f.url() === to), { timeout: STEP_TIMEOUT }).toBe(true);
  const child = page.frames().find((f) => f.url() === to)!;
  expect(await child.evaluate(() => window.origin)).toBe(new URL(to).origin);
  const hello = { protocol: 'lava-checkout', v: 1, type: 'hello' };
  let attempts = await child.evaluate((h) => {
    window.parent.postMessage(h, '*');
    return 1;
  }, hello);
  if (forge) attempts += await forgeFrom(child, forgedPayloads(session.checkoutSessionId));
  // The host answers a hello at once; this only lets the last forgeries land before counting.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const channels = await page.evaluate(() => (window as unknown as { __channels: number }).__channels);
  const received = await child.evaluate(() => (window as unknown as { __got: Got }).__got);
  return { session, attempts, channels, received };
}

/** The redirected iframe's hello and forgeries get no port and no answer; the open ends in load_timeout. */
async function expectRedirectRefused(page: Page, url: string, family: string): Promise<void> {
  const { attempts, channels, received } = await helloFromRedirectedChild(page, url);
  record(family, attempts, channels + received.length);
  expect(channels).toBe(0);
  expect(received).toEqual([]);
  await expect
    .poll(() => terminalCallbacks(page), { timeout: STEP_TIMEOUT })
    .toEqual([expect.objectContaining({ kind: 'error', code: 'load_timeout' })]);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(0);
}

test('given the checkout iframe itself is redirected to the same host over http before the handshake, when it says hello and forges messages, then the host never answers and it ends in load_timeout', async ({ page }) => {
  await countChannels(page);
  await expectRedirectRefused(page, `${server.url('http', CHECKOUT_HOST)}/attacker/child.html`, SCHEME_FAMILY);
});

test('given the checkout iframe itself is redirected to suffix lookalikes of its host before the handshake, when it says hello and forges messages, then the host never answers and it ends in load_timeout', async ({ page }) => {
  await countChannels(page);
  for (const host of [`${CHECKOUT_HOST}.evil.test`, `evil${CHECKOUT_HOST}`, `www.${CHECKOUT_HOST}`, `${CHECKOUT_HOST}.`]) {
    await expectRedirectRefused(page, `${server.url('https', host)}/attacker/child.html`, SUFFIX_FAMILY);
  }
});

test('given the checkout iframe is redirected to a page of the real checkout origin (the control), when it says hello once, then the host answers it with one port', async ({ page }) => {
  await countChannels(page);
  const { channels, received } = await helloFromRedirectedChild(page, `${server.url('https', CHECKOUT_HOST)}/attacker/child.html`, false);
  expect(channels).toBe(1);
  expect(received).toEqual([{ origin: world.merchant.url, data: JSON.stringify({ protocol: 'lava-checkout', v: 1, type: 'connect' }), ports: 1 }]);
});

test('given a token whose base host is upper case, then the host SDK lowercases it like the browser does and the checkout opens and cancels as usual', async ({ page }) => {
  const { session, token } = await openAt(page, 'https', CHECKOUT_HOST.toUpperCase());
  expect(JSON.parse(atob(token)).base).toBe(`${server.url('https', CHECKOUT_HOST.toUpperCase())}/`);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveAttribute('src', `${server.url('https', CHECKOUT_HOST)}/embed/checkout`);
  await expectStillCancellable(page, session.checkoutSessionId);
});

test('given a token whose base host ends in a dot, then the host SDK trusts that exact origin only: a frame of the same name without the dot is ignored', async ({ page }) => {
  const dotted = `${CHECKOUT_HOST}.`;
  const { session } = await openAt(page, 'https', dotted);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveAttribute('src', `${server.url('https', dotted)}/embed/checkout`);
  const { frames, attempts } = await forgeFromOrigins(page, [server.url('https', CHECKOUT_HOST)], session.checkoutSessionId);
  await expectUntouched(page, TOKEN_FAMILY, attempts);
  await expectNoAnswer(frames, TOKEN_FAMILY);
  await expectStillCancellable(page, session.checkoutSessionId);
});
