import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ensureBuilt, LIB_BUILD, ROOT } from '../../e2e/support/ensure-built';

// The testing entry is never pulled into a production bundle: the built entries and their chunks
// hold neither its code nor its canned answers; only dist/lib/testing.* does.
function production(): Array<{ file: string; code: string }> {
  const chunks = readdirSync(join(ROOT, 'dist/lib/chunks')).filter((f) => /\.(c?js)$/.test(f));
  const files = [
    'dist/lib/index.js',
    'dist/lib/index.cjs',
    'dist/lib/vanilla.js',
    'dist/lib/vanilla.cjs',
    'dist/lava-checkout.umd.js',
    'dist/lava-checkout.iife.js',
    ...chunks.map((f) => `dist/lib/chunks/${f}`),
  ];
  return files.map((file) => ({ file, code: readFileSync(join(ROOT, file), 'utf8') }));
}

beforeAll(() => {
  ensureBuilt(LIB_BUILD);
}, 300_000);

it('the production bundles do not contain the testing entry', () => {
  const testing = readFileSync(join(ROOT, 'dist/lib/testing.js'), 'utf8');
  expect(testing).toContain('installFakeCheckout');
  expect(testing).not.toMatch(/from\s*["']\.\/chunks\//);
  for (const { file, code } of production()) {
    expect(code, file).not.toContain('installFakeCheckout');
    expect(code, file).not.toContain('cs_test');
    expect(code, file).not.toContain('neverReady');
  }
});
