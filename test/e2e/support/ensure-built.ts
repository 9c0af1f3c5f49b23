import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** One build: the command, the files it writes and the files and folders it reads. */
export interface BuildTarget {
  command: readonly [string, ...string[]];
  outputs: readonly string[];
  sources: readonly string[];
}

/** `npm run build:lib`: the host SDK's entries, the script tag and the testing entry. */
export const LIB_BUILD: BuildTarget = {
  command: ['npm', 'run', 'build:lib'],
  outputs: [
    'dist/lib/index.js',
    'dist/lib/index.cjs',
    'dist/lib/vanilla.js',
    'dist/lib/vanilla.cjs',
    'dist/lib/testing.js',
    'dist/lava-checkout.umd.js',
    'dist/lava-checkout.iife.js',
    'dist/testing.iife.cjs',
  ],
  sources: [
    'src/contract',
    'src/host',
    'src/react',
    'src/testing',
    'src/index.ts',
    'src/vanilla.ts',
    'src/umd.ts',
    'vite.lib.config.ts',
    'vite.testing.config.ts',
    'scripts/build-lib-types.mjs',
  ],
};

/**
 * The fake checkout page's script (src/testing/fake-checkout-page.ts) as one plain script, for
 * the host e2e tests' checkout origin. Not shipped: built into node_modules/.cache.
 */
export const FAKE_CHECKOUT_PAGE_BUILD: BuildTarget = {
  command: ['npx', 'vite', 'build', '--config', 'test/e2e/host/fake-checkout-page.vite.config.ts'],
  outputs: ['node_modules/.cache/lava-e2e/fake-checkout-page.js'],
  sources: ['src/testing', 'src/contract', 'test/e2e/host/fake-checkout-page.vite.config.ts'],
};

/** `npm run build`: everything, the checkout app and the sandbox included. */
export const FULL_BUILD: BuildTarget = {
  command: ['npm', 'run', 'build'],
  outputs: [...LIB_BUILD.outputs, 'dist/checkout-app/index.html', 'dist/sandbox/index.js', 'dist/webhooks/index.js'],
  sources: [
    'src',
    'vite.lib.config.ts',
    'vite.testing.config.ts',
    'vite.app.config.ts',
    'vite.sandbox.config.ts',
    'vite.webhooks.config.ts',
    'preact-aliases.ts',
    'scripts',
  ],
};

/** The newest modification time of a file, or of any file below a folder; 0 if it does not exist. */
export function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Why `target`'s outputs cannot be used as they are (an output is missing, or a source file
 * changed after the oldest output was written), or null when they are up to date.
 */
export function staleReason(target: BuildTarget, root = ROOT): string | null {
  let oldest: { file: string; mtime: number } | undefined;
  for (const file of target.outputs) {
    const mtime = statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) return `${file} is missing`;
    if (!oldest || mtime < oldest.mtime) oldest = { file, mtime };
  }
  if (!oldest) return null;
  for (const source of target.sources) {
    if (newestMtime(join(root, source)) > oldest.mtime) return `${source} changed after ${oldest.file} was built`;
  }
  return null;
}

/**
 * Runs the build when `target`'s outputs are missing or older than a source, so a test
 * never runs against a build of other code than the tree it tests.
 */
export function ensureBuilt(target: BuildTarget = LIB_BUILD, { force = false, root = ROOT } = {}): 'fresh' | 'built' {
  const reason = force ? 'a build was asked for' : staleReason(target, root);
  if (!reason) return 'fresh';
  const [command, ...args] = target.command;
  console.log(`[build] ${target.command.join(' ')}: ${reason}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  const still = staleReason({ ...target, sources: [] }, root);
  if (still) throw new Error(`${target.command.join(' ')} ran, but ${still}`);
  return 'built';
}
