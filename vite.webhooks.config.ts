import { defineConfig } from 'vite';

/**
 * `@lavapayments/checkout/webhooks`: the Node-only verification helper, as ESM (index.js) and
 * CJS (index.cjs) in dist/webhooks/. Declarations come from scripts/build-webhooks-types.mjs.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/webhooks',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: 'node18',
    lib: {
      entry: 'src/webhooks/index.ts',
      formats: ['es', 'cjs'],
      fileName: (format) => (format === 'es' ? 'index.js' : 'index.cjs'),
    },
    rolldownOptions: { external: [/^node:/] },
  },
});
