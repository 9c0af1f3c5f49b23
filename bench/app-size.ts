import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './build';

const APP = join(ROOT, 'dist', 'checkout-app');
const PREFIX = '/checkout-app/';

export interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface AppFirstLoad {
  /** JS the index.html loads before first paint: its module scripts (inline ones too), modulepreloads and their static imports. */
  firstLoad: AssetSize[];
  firstLoadGzip: number;
  /**
   * What the first paint costs on the wire as the sandbox serves it to a browser that accepts
   * brotli: the page (stylesheet inside) and its first-load JS, each as its built .br file.
   */
  firstPaintBrotli: number;
  /** Every other JS chunk (loaded on demand), with its size. */
  lazy: AssetSize[];
}

export function gzipKb(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function size(app: string, file: string): AssetSize {
  const code = readFileSync(join(app, file));
  return { file, bytes: code.length, gzip: gzipKb(code) };
}

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`), not dynamic `import("./x.js")`. */
function staticImports(app: string, file: string): string[] {
  const code = readFileSync(join(app, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)) {
    found.add(new URL(match[1]!, `http://x/${dir}`).pathname.slice(1));
  }
  return [...found];
}

/** Parse the app's index.html (dist/checkout-app unless another build is named) and follow its module graph (static edges only). */
export function appFirstLoad(app = APP): AppFirstLoad {
  const html = readFileSync(join(app, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(PREFIX, ''));
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(app, file));
  }
  // The first script is in the page (scripts/inline-first-script.ts): counted by its text.
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
    (m, i): AssetSize => ({ file: `index.html, inline module ${i + 1}`, bytes: Buffer.byteLength(m[1]!), gzip: gzipKb(m[1]!) }),
  );
  const firstLoad = [...inline, ...[...seen].map((file) => size(app, file))];
  const all = readdirJs(app);
  return {
    firstLoad,
    firstLoadGzip: firstLoad.reduce((sum, a) => sum + a.gzip, 0),
    firstPaintBrotli: ['index.html', ...seen].reduce((sum, file) => sum + brotliBytes(app, file), 0),
    lazy: all.filter((f) => !seen.has(f)).map((file) => size(app, file)),
  };
}

/** The size of the .br file the build wrote beside `file` (0 where it wrote none). */
function brotliBytes(app: string, file: string): number {
  try {
    return statSync(join(app, `${file}.br`)).size;
  } catch {
    return 0;
  }
}

function readdirJs(app: string): string[] {
  return readdirSync(join(app, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
}
