import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

const ENTRY = 'src/testing/browser.ts';
const TYPES = 'dist/lib/types/testing';

/**
 * The testing entry as one plain script (dist/testing.iife.cjs) that sets
 * `window.LavaCheckoutTesting`, for Playwright's `page.addInitScript({ path })`. Runs after
 * scripts/build-lib-types.mjs (it rewrites dist/lib/types), then adds this entry's declaration
 * beside testing/index.d.cts: the file holds only types and a global, so it transpiles alone.
 * A classic script is CommonJS to Node (no import/export), hence `.cjs` and `.d.cts`.
 */
function declaration(): Plugin {
  return {
    name: 'testing-browser-declaration',
    closeBundle() {
      const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(ENTRY, 'utf8'), { fileName: ENTRY });
      if (diagnostics?.length) throw new Error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
      mkdirSync(TYPES, { recursive: true });
      writeFileSync(`${TYPES}/browser.d.cts`, outputText.replace(/(['"])\.\/index\1/, '$1./index.cjs$1'));
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [declaration()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // Readable in a test's stack traces; it never ships to a customer.
    minify: false,
    sourcemap: true,
    target: 'es2022',
    lib: { entry: ENTRY, formats: ['iife'], name: 'LavaCheckoutTestingBundle', fileName: () => 'testing.iife.cjs' },
  },
});
