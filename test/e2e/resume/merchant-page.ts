import type { Page } from '@playwright/test';
import type { CheckoutServers } from '../support/checkout-servers';
import { startMerchantPages } from '../support/merchant-pages';
import type { SandboxProcess } from '../support/sandbox-process';
import type { CreatedSession } from '../support/sandbox-rest';
import type { StaticServer } from '../support/static-server';

/**
 * A merchant page (localhost) that keeps what the handle answers: `await handle.result`, the
 * onSuccess payload, every onEvent, and `LavaCheckout.getResult`. The checkout runs on 127.0.0.1.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Merchant</title></head>
<body>
<h1>Merchant page</h1>
<div id="inline" style="width: 420px"></div>
<script src="/dist/lava-checkout.iife.js"></script>
<script src="/merchant.js"></script>
</body></html>`;

const SCRIPT = `
window.__log = [];
const record = (handle) => {
  handle.result.then((r) => { window.__awaited = r; });
  return handle;
};
const callbacks = {
  onSuccess: (r) => window.__log.push({ kind: 'success', payload: r }),
  onCancel: (r) => window.__log.push({ kind: 'cancel', payload: r }),
  onError: (e) => window.__log.push({ kind: 'error', payload: e }),
  onEvent: (e) => window.__log.push({ kind: 'event', payload: e }),
};
window.openCheckout = (token) => { record(window.LavaCheckout.open(token, callbacks)); };
window.mountCheckout = (token) => { record(window.LavaCheckout.mount(document.getElementById('inline'), token, callbacks)); };
window.askResult = (token) => window.LavaCheckout.getResult(token);
`;

export function startResumeMerchant(): Promise<StaticServer> {
  return startMerchantPages({ '/': { body: PAGE }, '/merchant.js': { body: SCRIPT, type: 'text/javascript' } });
}

export interface Entry {
  kind: string;
  payload: Record<string, unknown>;
}

export function pageLog(page: Page): Promise<Entry[]> {
  return page.evaluate(() => (window as unknown as { __log: Entry[] }).__log);
}

export function awaited(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(() => (window as unknown as { __awaited?: Record<string, unknown> }).__awaited);
}

export function call(page: Page, name: 'openCheckout' | 'mountCheckout', token: string): Promise<void> {
  return page.evaluate(([fn, t]) => (window as unknown as Record<string, (t: string) => void>)[fn]!(t), [name, token] as const);
}

export function askResult(page: Page, token: string): Promise<Record<string, unknown>> {
  return page.evaluate((t) => (window as unknown as { askResult(t: string): Promise<Record<string, unknown>> }).askResult(t), token);
}

/** The merchant page, a new onboarding session for its origin, opened (overlay) or mounted (inline). */
export async function openOnboarding(
  page: Page,
  { sandbox, merchant }: CheckoutServers<SandboxProcess>,
  how: 'openCheckout' | 'mountCheckout' = 'openCheckout',
): Promise<CreatedSession> {
  await page.goto(`${merchant.url}/`);
  const session = await sandbox.createSession({ origin: merchant.url, mode: 'onboarding' });
  await call(page, how, session.token);
  return session;
}
