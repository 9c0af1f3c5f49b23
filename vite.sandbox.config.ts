import { defineConfig } from 'vite';

/**
 * The sandbox server for the package bin (`lava-checkout-sandbox` -> dist/sandbox/cli.js).
 * hono, @hono/node-server and better-sqlite3 stay external (optionalDependencies);
 * libphonenumber-js (a devDependency) and the contract are bundled in.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: ['libphonenumber-js'] },
  build: {
    ssr: true,
    outDir: 'dist/sandbox',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: 'node18',
    rolldownOptions: {
      input: { cli: 'src/sandbox/cli.ts', index: 'src/sandbox/index.ts' },
      external: [/^node:/, 'better-sqlite3', 'hono', /^hono\//, '@hono/node-server'],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
