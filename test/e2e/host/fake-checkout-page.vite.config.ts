import { defineConfig } from 'vite';

// The fake checkout page's script as one plain script for the host e2e tests' checkout origin
// (test/e2e/host/servers.ts serves it at /fake-checkout-page.js). Readable in stack traces.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'node_modules/.cache/lava-e2e',
    emptyOutDir: false,
    minify: false,
    target: 'es2022',
    lib: { entry: 'src/testing/fake-checkout-page.ts', formats: ['iife'], name: 'LavaFakeCheckoutPageBundle', fileName: () => 'fake-checkout-page.js' },
  },
});
