import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineFirstScript, SHARED_EXPORTS } from '../../../scripts/inline-first-script';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Build a small app (index.html -> main.js, which loads lazy.js later) with the plugin, as the checkout app's build does. */
async function buildApp(files: Record<string, string>): Promise<{ out: string; html: string; assets: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'inline-first-script-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'index.html'), '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body><div id="root"></div></body></html>');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
  const out = join(root, 'dist');
  await build({
    root: join(root, 'src'),
    base: '/app/',
    logLevel: 'silent',
    configFile: false,
    plugins: [inlineFirstScript()],
    build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false } },
  });
  return { out, html: readFileSync(join(out, 'index.html'), 'utf8'), assets: readdirSync(join(out, 'assets')) };
}

const SHARED = `export const greet = (name) => 'hello ' + name;\nexport function shout(text) { return text.toUpperCase(); }\n`;
const MAIN = `import { greet, shout } from './shared.js';\ndocument.getElementById('root').textContent = greet('page');\nwindow.later = () => import('./lazy.js').then((m) => m.run(shout));\n`;
const LAZY = `import { greet } from './shared.js';\nexport const run = (shout) => shout(greet('lazy'));\n`;

describe('the first script inside the page', { timeout: 60_000 }, () => {
  it('given an entry whose bindings a lazy chunk shares, then the page holds it inline, hands the bindings over, and no file of it is written', async () => {
    const { out, html, assets } = await buildApp({ 'main.js': MAIN, 'shared.js': SHARED, 'lazy.js': LAZY });
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(inline).toContain(`Object.defineProperty(window,"${SHARED_EXPORTS}",{value:Object.freeze({`);
    expect(inline).not.toMatch(/\bexport\s*\{/);
    // Its first line asks Chromium to compile all of it as it loads (a preloaded frame's token then runs compiled code).
    expect(inline.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    // The lazy chunk is asked for by its path on the site, not relative to the page's URL.
    const lazy = assets.find((name) => /^lazy-.*\.js$/.test(name));
    expect(lazy).toBeDefined();
    expect(inline).toContain(`import("/app/assets/${lazy}")`);
    // Only the lazy chunk (and its compressed copies, if any) is left: the entry file is not written.
    expect(assets.filter((name) => name.endsWith('.js'))).toEqual([lazy]);
    const code = readFileSync(join(out, 'assets', lazy!), 'utf8');
    expect(code).toMatch(new RegExp(`^const\\{"\\w+":\\w+\\}=window\\.${SHARED_EXPORTS};`));
    expect(code).not.toMatch(/\bimport\b[^(]/);
    // Compressed copies hold what was written, not what the bundler first made.
    for (const file of ['index.html', `assets/${lazy}`]) {
      if (existsSync(join(out, `${file}.br`))) expect(brotliDecompressSync(readFileSync(join(out, `${file}.br`))).toString()).toBe(readFileSync(join(out, file), 'utf8'));
    }
  });

  it('given an entry and chunk that share nothing, then the page holds it inline and the chunk is left as it was', async () => {
    const { html, assets, out } = await buildApp({ 'main.js': `window.later = () => import('./lazy.js');\n`, 'lazy.js': 'export const run = () => 1;\n' });
    expect(html).toContain(`Object.defineProperty(window,"${SHARED_EXPORTS}",{value:Object.freeze({})});`);
    const lazy = assets.find((name) => /^lazy-.*\.js$/.test(name))!;
    expect(readFileSync(join(out, 'assets', lazy), 'utf8')).not.toContain(SHARED_EXPORTS);
  });

  it('given an exported binding the entry reassigns, then the build fails naming it (the chunk would keep its first value)', async () => {
    const counter = `export let count = 0;\nexport function bump() { count += 1; }\n`;
    const main = `import { bump, count } from './counter.js';\nbump();\nwindow.seen = count;\nwindow.later = () => import('./lazy.js');\n`;
    const lazy = `import { count } from './counter.js';\nexport const read = () => count;\n`;
    await expect(buildApp({ 'main.js': main, 'counter.js': counter, 'lazy.js': lazy })).rejects.toThrow(/inline-first-script: .* reassigns `\w+`, which it exports/);
  });

  it('given an entry that imports by a computed path, then the build fails: that path could not be made absolute', async () => {
    const main = `window.later = (url) => import(url);\n`;
    await expect(buildApp({ 'main.js': main })).rejects.toThrow(/inline-first-script: .* imports a path that is not a literal/);
  });
});
