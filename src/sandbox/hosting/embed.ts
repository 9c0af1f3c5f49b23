import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import type { SandboxContext } from '../context';
import { sessionBySecret } from '../domain/sessions';
import { SECRET_SHAPE } from '../ids';
import { ANY_WEB_PAGE, checkoutCsp, inlineScriptsOf, NO_ANCESTOR } from './csp';
import { type EncodedFile, readEncoded } from './encoding';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout app not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>The checkout app is not built</h1>
<p>The sandbox serves the built checkout app from its static directory, and none was found.</p>
<p>Run <code>npm run build:app</code>, then reload. (<code>npm run sandbox</code> builds it for you.)</p>
</body></html>`;

const NOT_FRAMED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Open this checkout from the merchant's website</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Open this checkout from the merchant's website</h1>
<p>This checkout only works inside the website that started it. Go back to that website and choose to pay there.</p>
<p>If someone sent you this link, do not enter your details here.</p>
</body></html>`;

/**
 * The legacy URL carries the secret and works only inside the merchant's page (a 0.1.3 host frames
 * it). Opened as a page of its own, say from a link someone sent, a customer would verify and pay
 * into a checkout whose `reference_id` is the sender's: where the browser says how the page is
 * loaded (`Sec-Fetch-Dest`), anything but a frame gets this page instead of the app. Browsers that
 * do not say are caught by the app itself (`window.top`).
 */
function servedOutsideFrame(c: Context): boolean {
  const dest = c.req.header('sec-fetch-dest');
  return dest !== undefined && dest !== 'iframe';
}

async function readIndex(staticDir: string): Promise<string | null> {
  try {
    return await readFile(join(staticDir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}

function pageHeaders(c: Context, frameAncestors: string, inlineScripts: readonly string[]): void {
  c.header('Content-Security-Policy', checkoutCsp(frameAncestors, inlineScripts));
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  // Payment (3-D Secure, wallets) and WebOTP inside the frame are granted by the host's iframe `allow`.
  c.header('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
}

/** A built file's bytes in the coding chosen, with the headers that say so (and that it was chosen). */
function encodedBody(c: Context, file: EncodedFile): Response {
  c.header('Vary', 'Accept-Encoding', { append: true });
  if (file.coding) c.header('Content-Encoding', file.coding);
  return c.body(new Uint8Array(file.body));
}

async function servePage(c: Context, ctx: SandboxContext, frameAncestors: string): Promise<Response> {
  const html = await readIndex(ctx.staticDir);
  pageHeaders(c, frameAncestors, html === null ? [] : inlineScriptsOf(html));
  if (html === null) return c.html(NOT_BUILT, 503);
  c.header('Content-Type', TYPES['.html']);
  return encodedBody(c, await readEncoded(join(ctx.staticDir, 'index.html'), c.req.header('accept-encoding'), Buffer.from(html)));
}

/** The checkout page (legacy URL with the secret, and the secret-free modern URL) and its assets. */
export function embedRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.get('/embed/checkout', (c) => servePage(c, ctx, ANY_WEB_PAGE));

  app.get('/embed/checkout/:secret', (c) => {
    c.header('Vary', 'Sec-Fetch-Dest');
    if (servedOutsideFrame(c)) {
      pageHeaders(c, NO_ANCESTOR, []);
      return c.html(NOT_FRAMED, 403);
    }
    const secret = c.req.param('secret');
    const session = SECRET_SHAPE.test(secret) ? sessionBySecret(ctx.db, secret) : undefined;
    // Legacy path: only the page that created the session may frame it. Unknown secret: nobody.
    return servePage(c, ctx, session ? session.origin : NO_ANCESTOR);
  });

  app.get('/checkout-app/*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/checkout-app/'.length));
    } catch {
      return c.text('not found', 404);
    }
    const root = normalize(ctx.staticDir + sep);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || rel.includes('\0')) return c.text('not found', 404);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return c.text('not found', 404);
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    c.header('X-Content-Type-Options', 'nosniff');
    // Vite content-hashes everything under assets/: safe to cache forever.
    c.header('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (file.endsWith('index.html')) return servePage(c, ctx, ANY_WEB_PAGE);
    return encodedBody(c, await readEncoded(file, c.req.header('accept-encoding')));
  });

  return app;
}
