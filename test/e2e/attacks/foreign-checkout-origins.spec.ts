import type { IncomingMessage } from 'node:http';
import type { Page } from '@playwright/test';
import { encodeToken, decodeToken } from '../../../src/contract/token';
import config from '../../../playwright.config';
import { type DualServer, type Scheme, startDualServer } from '../support/https-server';
import { expect, test } from '../support/test';
import { ATTACKER_PAGE, attackWorldPerFile, record } from './support';

/**
 * A merchant that takes checkout tokens from somewhere an attacker can write (a URL parameter to
 * resume, say) is handed a token whose base is the attacker's. The host SDK must not frame it,
 * preload it or ask it for a result, and must send it nothing: every entry of the script-tag build
 * answers invalid_token naming the origin, and the attacker's server sees no request at all. The
 * attacker's names (and, in this browser only, lavapayments.com) resolve to one loopback server
 * that answers every name over http and https and records each request.
 */
const FAMILY = 'foreign checkout origins';
const RULES =
  '--host-resolver-rules=MAP *.test 127.0.0.1, MAP *.test. 127.0.0.1, MAP lavapayments.com 127.0.0.1, MAP *.lavapayments.com 127.0.0.1, MAP *.lavapayments.com. 127.0.0.1, MAP evillavapayments.com 127.0.0.1';
const launchOptions = config.use?.launchOptions ?? {};
test.use({ ignoreHTTPSErrors: true, launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), RULES] } });

const world = attackWorldPerFile(120_000);
let attacker: DualServer;
const requests: Array<{ host: string; url: string }> = [];

test.beforeAll(async () => {
  attacker = await startDualServer({
    hosts: ['attacker.test', '*.test', 'lavapayments.com', '*.lavapayments.com'],
    handle(req: IncomingMessage, res) {
      requests.push({ host: req.headers.host ?? '', url: req.url ?? '' });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(ATTACKER_PAGE);
    },
  });
});
test.afterAll(async () => {
  await attacker?.close();
});

type Entry = 'open' | 'mount' | 'getResult' | 'preload' | 'button';
const ENTRIES: Entry[] = ['open', 'mount', 'getResult', 'preload', 'button'];

interface Outcome {
  errors: Array<{ code?: string; message?: string }>;
  iframes: string[];
}

/**
 * Runs one entry of window.LavaCheckout (the script-tag build) with `token` on a fresh merchant
 * page; `checkoutOrigins` is passed as the merchant would (the button reads it from its attribute).
 */
async function attempt(page: Page, entry: Entry, token: string, checkoutOrigins?: string[]): Promise<Outcome> {
  await page.goto(`${world.merchant.url}/`);
  await page.route('**/__checkout-token', (route) => route.fulfill({ json: { checkout_session_token: token } }));
  return page.evaluate(
    async ({ entry, token, checkoutOrigins }) => {
      const lava = (window as unknown as { LavaCheckout: Record<string, (...args: unknown[]) => unknown> }).LavaCheckout;
      const errors: Outcome['errors'] = [];
      const onError = (e: { code?: string; message?: string }) => errors.push({ code: e.code, message: e.message });
      const origins = checkoutOrigins ? { checkoutOrigins } : {};
      const base = JSON.parse(atob(token)).base as string;
      if (entry === 'open') lava.open!(token, { onError, timeout: 2_000, ...origins });
      if (entry === 'mount') {
        const box = document.createElement('div');
        document.body.append(box);
        lava.mount!(box, token, { onError, timeout: 2_000, ...origins });
      }
      if (entry === 'getResult') {
        const result = (await lava.getResult!(token, origins)) as { status: string; code?: string; message?: string };
        if (result.status === 'error') onError(result);
      }
      if (entry === 'preload') {
        try {
          lava.preload!(base, origins);
        } catch (error) {
          onError(error as { code?: string; message?: string });
        }
      }
      if (entry === 'button') {
        const button = document.createElement('button');
        button.setAttribute('data-lava-checkout-endpoint', '/__checkout-token');
        if (checkoutOrigins) button.setAttribute('data-lava-checkout-origins', checkoutOrigins.join(' '));
        button.addEventListener('lava:error', (event) => onError((event as CustomEvent).detail));
        document.body.append(button);
        button.click();
      }
      // Long enough for a frame's first request or a fetch to go out, were one made.
      await new Promise((done) => setTimeout(done, 500));
      return { errors, iframes: Array.from(document.querySelectorAll('iframe'), (f) => f.src) };
    },
    { entry, token, checkoutOrigins },
  );
}

/** The sandbox's real token for this merchant, its base moved to `base` (the secret is a real one). */
async function tokenAt(base: string): Promise<string> {
  const session = await world.sandbox.createSession({ origin: world.merchant.url });
  return encodeToken({ secret: decodeToken(session.token).secret, base });
}

test('given tokens whose base is an attacker origin, a lookalike of lavapayments.com, plain http, upper case or a trailing dot, when any entry is used, then each is refused with invalid_token naming the origin and the attacker server sees no request', async ({ page }) => {
  const at = (scheme: Scheme, host: string) => `${attacker.url(scheme, host)}/`;
  const bases = [
    at('https', 'attacker.test'),
    at('http', 'attacker.test'),
    at('https', 'lavapayments.com.evil.test'),
    at('https', 'checkout.lavapayments.com.evil.test'),
    at('https', 'LAVAPAYMENTS.COM.EVIL.TEST'),
    at('https', 'evillavapayments.com'),
    at('http', 'lavapayments.com'),
    at('http', 'CHECKOUT.LAVAPAYMENTS.COM'),
    at('https', 'checkout.lavapayments.com.'),
    at('https', 'CHECKOUT.LAVAPAYMENTS.COM.'),
  ];
  let attempts = 0;
  const accepted: string[] = [];
  for (const base of bases) {
    const token = await tokenAt(base);
    const origin = new URL(base).origin;
    for (const entry of ENTRIES) {
      const before = requests.length;
      const outcome = await attempt(page, entry, token);
      attempts++;
      const refused =
        outcome.iframes.length === 0 &&
        requests.length === before &&
        outcome.errors.length === 1 &&
        outcome.errors[0]!.code === 'invalid_token' &&
        (outcome.errors[0]!.message ?? '').includes(`untrusted checkout origin ${origin}`);
      if (!refused) accepted.push(`${entry} ${base}: ${JSON.stringify(outcome)}, ${requests.length - before} requests`);
    }
  }
  record(FAMILY, attempts, accepted.length);
  expect(accepted).toEqual([]);
  expect(requests).toEqual([]);
});

test('given the attacker origin listed in checkoutOrigins (the control), then every entry goes to it', async ({ page }) => {
  const base = `${attacker.url('https', 'attacker.test')}/`;
  const token = await tokenAt(base);
  for (const entry of ENTRIES) {
    const before = requests.length;
    const outcome = await attempt(page, entry, token, [new URL(base).origin]);
    expect(requests.length, entry).toBeGreaterThan(before);
    expect(outcome.errors.filter((e) => e.code === 'invalid_token'), entry).toEqual([]);
  }
});

test('given a token on a lavapayments.com subdomain over https (the default), then it is framed without listing it', async ({ page }) => {
  const base = `${attacker.url('https', 'checkout.lavapayments.com')}/`;
  const before = requests.length;
  const outcome = await attempt(page, 'open', await tokenAt(base));
  expect(outcome.iframes).toEqual([`${base}embed/checkout`]);
  expect(requests.slice(before)).toContainEqual({ host: new URL(base).host, url: '/embed/checkout' });
});
