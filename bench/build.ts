import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export const ROOT = join(import.meta.dirname, '..');
/** Where the 0.1.3 merchant page is built (not committed). */
export const LEGACY_OUT = join(ROOT, 'node_modules', '.cache', 'lava-bench', 'legacy');

const OUTPUTS = [
  'dist/lib/vanilla.js',
  'dist/lib/index.js',
  'dist/lava-checkout.iife.js',
  'dist/checkout-app/index.html',
  'dist/sandbox/index.js',
];
const SOURCES = ['src', 'vite.lib.config.ts', 'vite.app.config.ts', 'vite.sandbox.config.ts'];

function newest(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** `npm run build` when an output is missing or older than a source file. */
export function ensureBuilt(force = false): 'fresh' | 'built' {
  const outputs = OUTPUTS.map((file) => statSync(join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  const sources = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  if (!force && Math.min(...outputs) > 0 && Math.min(...outputs) >= sources) return 'fresh';
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  for (const file of OUTPUTS) {
    if (!existsSync(join(ROOT, file))) throw new Error(`npm run build did not produce ${file}`);
  }
  return 'built';
}

/** The merchant page that bundles React and the published 0.1.3 hook, built like a merchant's app. */
export async function buildLegacyPage(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(ROOT, 'bench', 'pages', 'legacy'),
    base: '/',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir: LEGACY_OUT, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  return LEGACY_OUT;
}
