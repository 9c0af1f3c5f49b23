import type { Page } from '@playwright/test';
import { expect, expectPageError, test } from '../support/test';
import { checkoutServersPerFile } from '../support/checkout-servers';
import { checkoutFrame, onboardAndPay, STEP_TIMEOUT } from '../support/checkout-steps';
import { startMerchantPages } from '../support/merchant-pages';
import { type SandboxProcess, startSandboxProcess } from '../support/sandbox-process';

// A merchant page under the README's Content-Security-Policy opens and completes a
// checkout with no violation. The SDK loads `async`; the loader snippet (in the merchant's own
// script file: no inline script anywhere) queues the call made before it has loaded.

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

/** The merchant origin: the page under the documented policy and its script file. */
function startStrictMerchant(sandbox: SandboxProcess) {
  return startMerchantPages({
    '/': { body: PAGE, headers: { 'content-security-policy': documentedCsp(new URL(sandbox.url).origin) } },
    '/merchant.js': { body: SCRIPT, type: 'text/javascript' },
  });
}

const servers = checkoutServersPerFile(startSandboxProcess, startStrictMerchant);

const read = (page: Page, key: '__violations' | '__log') => page.evaluate((k) => (window as unknown as Record<string, unknown[]>)[k], key);

test('a merchant page under the documented CSP opens and completes a checkout with no violation', async ({ page }) => {
  await page.goto(`${servers.merchant.url}/`);
  const session = await servers.sandbox.createSession({ origin: servers.merchant.url, mode: 'onboarding' });
  await page.evaluate((token) => void (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.token);
  const frame = checkoutFrame(page);
  await onboardAndPay(frame, { phone: '2015550164', firstName: 'Vic', amount: '25.00' });
  await expect.poll(async () => (await read(page, '__log'))?.length, { timeout: STEP_TIMEOUT }).toBe(2);
  expect(await read(page, '__log')).toEqual([
    expect.objectContaining({ kind: 'success', checkoutSessionId: session.checkoutSessionId }),
    expect.objectContaining({ kind: 'result', status: 'success', checkoutSessionId: session.checkoutSessionId }),
  ]);
  expect(await read(page, '__violations')).toEqual([]);
  // The policy is in force on this page: an inline script is refused (and reported).
  expectPageError(/^Executing inline script violates the following Content Security Policy directive 'script-src 'self''/, {
    from: new RegExp(`^${servers.merchant.url}/`),
    why: 'this test adds an inline script to show the policy is in force',
  });
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await read(page, '__violations'))?.length).toBe(1);
});
