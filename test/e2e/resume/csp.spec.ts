import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { checkoutFrame, chooseAmount, createWallet, fillCard, payButton, STEP_TIMEOUT, verifyPhone } from '../flow/merchant';
import { type SandboxProcess, startSandboxProcess } from '../flow/sandbox-process';
import { type StaticServer, startStaticServer } from '../support/static-server';

// Issue 11 proof: a merchant page under the README's Content-Security-Policy opens and completes a
// checkout with no violation. The SDK loads `async`; the loader snippet (in the merchant's own
// script file: no inline script anywhere) queues the call made before it has loaded.
let sandbox: SandboxProcess;
let merchant: StaticServer;

/** The documented policy: the checkout origin in frame-src (and connect-src for getResult); nothing inline. */
function documentedCsp(checkoutOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `frame-src ${checkoutOrigin}`,
    `connect-src 'self' ${checkoutOrigin}`,
  ].join('; ');
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict merchant</title>
<script src="/merchant.js"></script>
<script async src="/dist/lava-checkout.iife.js"></script>
</head><body><h1>Strict merchant</h1></body></html>`;

const SCRIPT = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
// The README loader snippet.
(function (w) {
  var L = (w.LavaCheckout = w.LavaCheckout || { q: [] });
  ['open', 'mount', 'getResult', 'preload'].forEach(function (m) {
    L[m] = L[m] || function () { var a = arguments; return new Promise(function (r) { L.q.push([m, a, r]); }); };
  });
})(window);
window.__log = [];
window.openCheckout = (token) => Promise.resolve(window.LavaCheckout.open(token, {
  onSuccess: (r) => window.__log.push({ kind: 'success', ...r }),
})).then((handle) => handle.result).then((r) => window.__log.push({ kind: 'result', ...r }));
`;

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  sandbox = await startSandboxProcess();
  merchant = await startStaticServer({
    host: 'localhost',
    roots: { '/dist/': resolve('dist') },
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = path === '/' ? PAGE : path === '/merchant.js' ? SCRIPT : null;
      if (body === null) return false;
      res.writeHead(200, {
        'content-type': `${path === '/' ? 'text/html' : 'text/javascript'}; charset=utf-8`,
        ...(path === '/' ? { 'content-security-policy': documentedCsp(new URL(sandbox.url).origin) } : {}),
      });
      res.end(body);
      return true;
    },
  });
});

test.afterAll(async () => {
  await merchant?.close();
  await sandbox?.stop();
});

const read = (page: Page, key: '__violations' | '__log') => page.evaluate((k) => (window as unknown as Record<string, unknown[]>)[k], key);

test('a merchant page under the documented CSP opens and completes a checkout with no violation', async ({ page }) => {
  await page.goto(`${merchant.url}/`);
  const session = await sandbox.createSession({ origin: merchant.url, mode: 'onboarding' });
  await page.evaluate((token) => void (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.token);
  const frame = checkoutFrame(page);
  await verifyPhone(frame, '2015550164');
  await createWallet(frame, 'Vic');
  await chooseAmount(frame, '25.00');
  await fillCard(frame, '4242 4242 4242 4242');
  await payButton(frame).click();
  await expect.poll(async () => (await read(page, '__log'))?.length, { timeout: STEP_TIMEOUT }).toBe(2);
  expect(await read(page, '__log')).toEqual([
    expect.objectContaining({ kind: 'success', checkoutSessionId: session.checkoutSessionId }),
    expect.objectContaining({ kind: 'result', status: 'success', checkoutSessionId: session.checkoutSessionId }),
  ]);
  expect(await read(page, '__violations')).toEqual([]);
  // The policy is in force on this page: an inline script is refused (and reported).
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await read(page, '__violations'))?.length).toBe(1);
});
