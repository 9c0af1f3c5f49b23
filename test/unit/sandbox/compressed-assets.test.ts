import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { acceptedCodings } from '../../../src/sandbox/hosting/encoding';
import { secretOf, startHarness } from './harness';

const PAGE = `<!doctype html><title>Lava checkout</title><script type="module" src="/checkout-app/assets/app-1a2b3c.js"></script>${'<!-- padding -->'.repeat(50)}`;
const APP = `console.log(${JSON.stringify('checkout '.repeat(200))});`;

/** A built app as the build writes it: each text file with its .br and .gz beside it; one asset without them. */
const built = mkdtempSync(join(tmpdir(), 'checkout-app-encoded-'));
mkdirSync(join(built, 'assets'));
for (const [name, text] of [
  ['index.html', PAGE],
  ['assets/app-1a2b3c.js', APP],
] as const) {
  writeFileSync(join(built, name), text);
  writeFileSync(join(built, `${name}.br`), brotliCompressSync(text));
  writeFileSync(join(built, `${name}.gz`), gzipSync(text));
}
writeFileSync(join(built, 'assets', 'plain-4d5e6f.js'), APP);
afterAll(() => rmSync(built, { recursive: true, force: true }));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that sends exactly the headers given (fetch would add its own Accept-Encoding and decode). */
function get(url: string, acceptEncoding?: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? headers : { ...headers, 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode: Record<string, (body: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

describe('choosing a content coding from Accept-Encoding', () => {
  test.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip, deflate', ['gzip']],
    ['x-gzip', ['gzip']],
    ['BR', ['br']],
    ['br;q=0, gzip', ['gzip']],
    ['gzip;q=1.0, br;q=0.5', ['gzip', 'br']],
    ['br;q=0.5, gzip;q=0.5', ['br', 'gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0.2, gzip;q=0', ['br']],
    ['br;q=abc, gzip', ['gzip']],
    ['deflate, zstd', []],
  ])('given %j, then %j', (header, expected) => {
    expect(acceptedCodings(header).map((c) => c.name)).toEqual(expected);
  });
});

describe('serving the built app compressed', () => {
  const cases = [
    { path: '/embed/checkout', text: PAGE, type: /^text\/html/ },
    { path: '/checkout-app/assets/app-1a2b3c.js', text: APP, type: /^text\/javascript/ },
  ];

  for (const { path, text, type } of cases) {
    test(`given a browser that accepts br and gzip, when it asks for ${path}, then it gets the .br file, says so and varies on Accept-Encoding`, async () => {
      const h = await startHarness({ staticDir: built });
      const res = await get(`${h.sandbox.url}${path}`, 'gzip, deflate, br, zstd');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['content-type']).toMatch(type);
      expect(res.body.length).toBeLessThan(Buffer.byteLength(text));
      expect(decode.br!(res.body).toString()).toBe(text);
    });

    test(`given a client that accepts only gzip, when it asks for ${path}, then it gets the .gz file`, async () => {
      const h = await startHarness({ staticDir: built });
      const res = await get(`${h.sandbox.url}${path}`, 'gzip');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(decode.gzip!(res.body).toString()).toBe(text);
    });

    test(`given a client that accepts no compression, when it asks for ${path}, then it gets the file as it is`, async () => {
      const h = await startHarness({ staticDir: built });
      for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
        const res = await get(`${h.sandbox.url}${path}`, accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers.vary).toContain('Accept-Encoding');
        expect(res.body.toString()).toBe(text);
      }
    });
  }

  test('given compressed hashed assets, then they keep the immutable caching and the CSP of the page is that of its text', async () => {
    const h = await startHarness({ staticDir: built });
    const asset = await get(`${h.sandbox.url}/checkout-app/assets/app-1a2b3c.js`, 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get(`${h.sandbox.url}/embed/checkout`, 'br');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self' https://js.stripe.com");
  });

  test('given an asset the build did not compress, when a browser accepts br, then it gets the file as it is', async () => {
    const h = await startHarness({ staticDir: built });
    const res = await get(`${h.sandbox.url}/checkout-app/assets/plain-4d5e6f.js`, 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(APP);
  });

  test('given the legacy URL in a frame, then the page is compressed and varies on both Sec-Fetch-Dest and Accept-Encoding', async () => {
    const h = await startHarness({ staticDir: built });
    const secret = secretOf(await h.createSession());
    const res = await get(`${h.sandbox.url}/embed/checkout/${secret}`, 'br', { 'sec-fetch-dest': 'iframe' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Sec-Fetch-Dest/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(decode.br!(res.body).toString()).toBe(PAGE);
  });
});
