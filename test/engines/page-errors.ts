import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from './driver/driver';

/**
 * The page-error probe, the same in every engine (WebKitWebDriver reports no page errors of its
 * own): a classic script that runs first in a document and records uncaught errors, unhandled
 * rejections and console.error calls. In a frame it also posts each one to the top page, which
 * keeps them all in `window.__pageErrors`, so an error in a checkout frame that is gone (closed
 * after success) is still counted.
 */
export const PROBE_SCRIPT = `(() => {
  const errors = [];
  const record = (kind, text) => {
    const entry = { kind, text: String(text).slice(0, 800), url: location.href };
    errors.push(entry);
    if (window.top !== window) window.top.postMessage({ lavaTestProbe: entry }, '*');
  };
  addEventListener('error', (e) => record('uncaught error', (e.error && e.error.stack) || e.message));
  addEventListener('unhandledrejection', (e) => record('unhandled rejection', (e.reason && e.reason.stack) || e.reason));
  const original = console.error;
  console.error = function (...args) {
    record('console.error', args.map(String).join(' '));
    return original.apply(this, args);
  };
  if (window.top === window) {
    addEventListener('message', (e) => {
      if (e.data && typeof e.data === 'object' && e.data.lavaTestProbe) errors.push(e.data.lavaTestProbe);
    });
  }
  window.__pageErrors = errors;
})();`;

/** The probe as a script tag for a page served by the test servers at `/probe.js`. */
export const PROBE_TAG = '<script src="/probe.js"></script>';

/**
 * A copy of the built checkout app (dist/checkout-app) whose page loads the probe first, from
 * its own origin (the page's CSP allows 'self' scripts; its inline script and its hash are
 * unchanged). Everything else is the shipped build, byte for byte.
 */
export function probedCheckoutApp(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lava-probed-app-'));
  cpSync(resolve('dist/checkout-app'), dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  if (!html.includes('<head>')) throw new Error('dist/checkout-app/index.html has no <head>');
  const probed = html.replace('<head>', '<head><script src="/checkout-app/probe.js"></script>');
  writeFileSync(index, probed);
  // The sandbox serves the build's .br/.gz of a page to browsers that accept them: those are
  // written again from the probed page, so every browser gets the probe, compressed as shipped.
  writeFileSync(`${index}.br`, brotliCompressSync(probed));
  writeFileSync(`${index}.gz`, gzipSync(probed));
  writeFileSync(join(dir, 'probe.js'), PROBE_SCRIPT);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PageError {
  kind: string;
  text: string;
  url: string;
}

/** What the probe recorded in the top page so far (none when the page has no probe). */
export function recordedErrors(driver: Driver): Promise<PageError[]> {
  return driver.page.run(() => ((window as unknown as { __pageErrors?: PageError[] }).__pageErrors ?? []).slice(), undefined);
}
