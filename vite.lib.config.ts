import { defineConfig } from 'vite';

/**
 * The host SDK for npm and for a script tag.
 * - default mode: `.` (React bindings) and `./vanilla` in dist/lib/ as ESM (.js) and CJS (.cjs),
 *   React external, not minified (the merchant's bundler minifies; check-size measures the
 *   minified size). Declarations: scripts/build-lib-types.mjs.
 * - `--mode script`: one self-contained, minified IIFE for a <script> tag, no React.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'script') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        lib: { entry: 'src/umd.ts', formats: ['iife'], name: 'LavaCheckoutBundle', fileName: () => 'lava-checkout.iife.js' },
      },
    };
  }
  return {
    publicDir: false,
    build: {
      outDir: 'dist/lib',
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: 'es2022',
      // Rolldown keeps the entry's 'use client' directive at the top of index.js / index.cjs.
      lib: { entry: { index: 'src/index.ts', vanilla: 'src/vanilla.ts', testing: 'src/testing/index.ts' } },
      rolldownOptions: {
        external: [/^react($|\/)/, /^react-dom($|\/)/],
        output: [
          {
            format: 'es',
            dir: 'dist/lib',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
          },
          {
            format: 'cjs',
            dir: 'dist/lib',
            entryFileNames: '[name].cjs',
            chunkFileNames: 'chunks/[name]-[hash].cjs',
          },
        ],
      },
    },
  };
});
