import { join } from 'node:path';
import { build } from 'vite';
import { ensureBuilt as ensureFullBuild, FULL_BUILD } from '../test/e2e/support/ensure-built';

export const ROOT = join(import.meta.dirname, '..');
/** Where the 0.1.3 merchant page is built (not committed). */
export const LEGACY_OUT = join(ROOT, 'node_modules', '.cache', 'lava-bench', 'legacy');

/** `npm run build` when an output is missing or older than a source file (or when `force`). */
export function ensureBuilt(force = false): 'fresh' | 'built' {
  return ensureFullBuild(FULL_BUILD, { force, root: ROOT });
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
