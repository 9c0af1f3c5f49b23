import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { type StaticServer, startStaticServer } from '../support/static-server';

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

export async function startResumeMerchant(): Promise<StaticServer> {
  return startStaticServer({
    host: 'localhost',
    roots: { '/dist/': resolve('dist') },
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = path === '/' ? PAGE : path === '/merchant.js' ? SCRIPT : null;
      if (body === null) return false;
      const type = path === '/' ? 'text/html' : 'text/javascript';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
      return true;
    },
  });
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
