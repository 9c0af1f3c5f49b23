import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ORIGIN, secretOf, startHarness } from './harness';

const built = mkdtempSync(join(tmpdir(), 'checkout-app-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>Lava checkout</title><script type="module" src="/checkout-app/assets/app-1a2b3c.js"></script>');
writeFileSync(join(built, 'assets', 'app-1a2b3c.js'), 'console.log("checkout")');
writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => rmSync(built, { recursive: true, force: true }));

function csp(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (res.headers.get('content-security-policy') ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values.join(' ');
  }
  return out;
}

function expectPageHeaders(res: Response): void {
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const policy = csp(res);
  expect(policy['default-src']).toBe("'self'");
  expect(policy['script-src']).toBe("'self' https://js.stripe.com");
  expect(policy['connect-src']).toBe("'self' https://api.stripe.com");
  expect(policy['frame-src']).toBe('https://js.stripe.com https://hooks.stripe.com');
}

describe('hosting the checkout app', () => {
  test('given the legacy URL with a session secret, then the app is served framable only by the session origin', async () => {
    const h = await startHarness({ staticDir: built });
    const secret = secretOf(await h.createSession());
    const res = await fetch(`${h.sandbox.url}/embed/checkout/${secret}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Lava checkout</title>');
    expectPageHeaders(res);
    expect(csp(res)['frame-ancestors']).toBe(ORIGIN);
  });

  test('given the legacy URL loaded as a page of its own (Sec-Fetch-Dest other than iframe), then 403 with a page that says why, not the app, no secret', async () => {
    const h = await startHarness({ staticDir: built });
    const secret = secretOf(await h.createSession());
    for (const dest of ['document', 'empty', 'embed', 'object', 'frame']) {
      const res = await fetch(`${h.sandbox.url}/embed/checkout/${secret}`, { headers: { 'sec-fetch-dest': dest } });
      expect(res.status).toBe(403);
      const page = await res.text();
      expect(page).toContain("Open this checkout from the merchant's website");
      expect(page).not.toContain('<title>Lava checkout</title>');
      expect(page).not.toContain(secret);
      expectPageHeaders(res);
      expect(csp(res)['frame-ancestors']).toBe("'none'");
      expect(res.headers.get('vary')).toContain('Sec-Fetch-Dest');
    }
    expect(h.sandbox.db.prepare('SELECT COUNT(*) AS n FROM flow_credentials').get()).toEqual({ n: 0 });
    expect(h.lines.join('\n')).not.toContain(secret);
  });

  test('given the legacy URL loaded in a frame, or by a browser that does not say (no Sec-Fetch-Dest), then the app is served', async () => {
    const h = await startHarness({ staticDir: built });
    const secret = secretOf(await h.createSession());
    for (const headers of [{ 'sec-fetch-dest': 'iframe' }, {}] as Array<Record<string, string>>) {
      const res = await fetch(`${h.sandbox.url}/embed/checkout/${secret}`, { headers });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Lava checkout</title>');
    }
  });

  test('given the legacy URL with an unknown secret, then no page may frame it', async () => {
    const h = await startHarness({ staticDir: built });
    const res = await fetch(`${h.sandbox.url}/embed/checkout/${'Z'.repeat(32)}`);
    expect(csp(res)['frame-ancestors']).toBe("'none'");
  });

  test('given the secret-free URL, then the app is served to any http(s) parent (the origin is checked at start)', async () => {
    const h = await startHarness({ staticDir: built });
    const res = await fetch(`${h.sandbox.url}/embed/checkout`);
    expect(res.status).toBe(200);
    expectPageHeaders(res);
    expect(csp(res)['frame-ancestors']).toBe('http: https:');
  });

  test('given a session secret in the URL, then the sandbox log never contains it', async () => {
    const h = await startHarness({ staticDir: built });
    const secret = secretOf(await h.createSession());
    await fetch(`${h.sandbox.url}/embed/checkout/${secret}`);
    await h.flow('POST', 'start', null, { secret, parent_origin: ORIGIN });
    expect(h.lines.join('\n')).not.toContain(secret);
    expect(h.lines.some((l) => l.includes('/embed/checkout/[redacted]'))).toBe(true);
  });

  test('given hashed assets, then they are cached immutably; other files are revalidated', async () => {
    const h = await startHarness({ staticDir: built });
    const asset = await fetch(`${h.sandbox.url}/checkout-app/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${h.sandbox.url}/checkout-app/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  test('given paths outside the app folder or missing files, then 404', async () => {
    const h = await startHarness({ staticDir: built });
    for (const path of ['/checkout-app/../package.json', '/checkout-app/%2e%2e/%2e%2e/etc/passwd', '/checkout-app/assets/nope.js', '/checkout-app/%E0%A4%A']) {
      expect((await fetch(`${h.sandbox.url}${path}`)).status).toBe(404);
    }
  });

  test('given the app is not built, then a clear 503 page explains how to build it', async () => {
    const h = await startHarness();
    const res = await fetch(`${h.sandbox.url}/embed/checkout`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:app');
    expectPageHeaders(res);
  });
});

describe('the page inline script', () => {
  test('given a page with an inline script, then the CSP allows exactly that script by its sha256 and nothing else inline', async () => {
    const withInline = mkdtempSync(join(tmpdir(), 'checkout-app-inline-'));
    const inline = "\n  (function (w) { w.parent.postMessage({ type: 'hello' }, '*'); })(window);\n";
    writeFileSync(
      join(withInline, 'index.html'),
      `<!doctype html><title>Lava checkout</title><script>${inline}</script><script type="module" src="/checkout-app/assets/app.js"></script>`,
    );
    try {
      const h = await startHarness({ staticDir: withInline });
      const res = await fetch(`${h.sandbox.url}/embed/checkout`);
      const expected = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
      expect(csp(res)['script-src']).toBe(`'self' ${expected} https://js.stripe.com`);
      // One byte different is another script: not allowed.
      expect(csp(res)['script-src']).not.toContain(createHash('sha256').update(`${inline} `).digest('base64'));
    } finally {
      rmSync(withInline, { recursive: true, force: true });
    }
  });
});
