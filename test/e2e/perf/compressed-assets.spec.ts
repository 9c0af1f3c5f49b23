import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '../support/test';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

// The production build of the checkout app, served by the sandbox: every text file the build
// compressed reaches a browser as brotli (or gzip), and a client that accepts neither gets the
// file as it is. Sizes and codings only: no timing is asserted.
const APP = join(process.cwd(), 'dist', 'checkout-app');

/** Every file the build wrote a .br for, as the sandbox serves it (the page at /embed/checkout). */
function compressedFiles(): Array<{ file: string; path: string }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.br')) files.push(join(dir, entry.name.slice(0, -3)));
    }
  };
  walk(APP);
  return files.map((file) => {
    const rel = relative(APP, file).split('\\').join('/');
    return { file, path: rel === 'index.html' ? '/embed/checkout' : `/checkout-app/${rel}` };
  });
}

function get(url: string, acceptEncoding: string | undefined): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let sandbox: TestSandbox;
test.beforeAll(async () => {
  sandbox = await startTestSandbox();
});
test.afterAll(async () => {
  await sandbox?.close();
});

test.describe('the built checkout app, compressed', () => {
  test('given the build, then the page and its lazy scripts ship with .br and .gz beside them where smaller, and the stylesheet and first script are inside the page', () => {
    const paths = compressedFiles().map((f) => f.path);
    expect(paths).toContain('/embed/checkout');
    expect(paths.some((p) => /^\/checkout-app\/assets\/StripePayment-[\w-]+\.js$/.test(p))).toBe(true);
    // The stylesheet and the first script are in the page: no .css or .js request before the first paint.
    expect(paths.filter((p) => p.endsWith('.css'))).toEqual([]);
    const html = readFileSync(join(APP, 'index.html'), 'utf8');
    expect(html).toMatch(/<style>[^<]*--/);
    expect(html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1]?.length).toBeGreaterThan(10_000);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  });

  test('given a client that accepts br, gzip or nothing, then each built file comes in the best coding it accepts, smaller, and decodes to the file', async () => {
    for (const { file, path } of compressedFiles()) {
      const original = readFileSync(file);
      const br = await get(`${sandbox.url}${path}`, 'gzip, deflate, br, zstd');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary, path).toContain('Accept-Encoding');
      expect(br.body.length, path).toBeLessThan(original.length);
      expect(brotliDecompressSync(br.body).equals(original), path).toBe(true);

      // The build writes a coding only where it is smaller: a client that accepts gzip gets the
      // .gz where there is one, else the file as it is.
      const gzip = await get(`${sandbox.url}${path}`, 'gzip, deflate');
      if (existsSync(`${file}.gz`)) {
        expect(gzip.headers['content-encoding'], path).toBe('gzip');
        expect(gzip.body.length, path).toBeLessThan(original.length);
        expect(gunzipSync(gzip.body).equals(original), path).toBe(true);
      } else {
        expect(gzip.headers['content-encoding'], path).toBeUndefined();
        expect(gzip.body.equals(original), path).toBe(true);
      }

      const identity = await get(`${sandbox.url}${path}`, undefined);
      expect(identity.headers['content-encoding'], path).toBeUndefined();
      expect(identity.headers.vary, path).toContain('Accept-Encoding');
      expect(identity.body.equals(original), path).toBe(true);
    }
  });

  test('given Chromium loading the checkout page and a lazy chunk, then both arrive brotli-compressed', async ({ page }) => {
    const codings = new Map<string, string | undefined>();
    page.on('response', async (response) => {
      const headers = await response.allHeaders();
      codings.set(new URL(response.url()).pathname, headers['content-encoding']);
    });
    await page.goto(`${sandbox.url}/embed/checkout`);
    const chunk = compressedFiles().find((f) => /\/assets\/StripePayment-[\w-]+\.js$/.test(f.path))!.path;
    await page.evaluate((path) => fetch(path).then((r) => r.text()), chunk);
    await expect.poll(() => codings.has(chunk)).toBe(true);
    expect(codings.get('/embed/checkout')).toBe('br');
    expect(codings.get(chunk)).toBe('br');
    expect([...codings.keys()].filter((p) => p.endsWith('.css'))).toEqual([]);
  });
});
