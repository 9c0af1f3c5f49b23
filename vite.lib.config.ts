import { defineConfig } from 'vite';

/** Script-tag file names by format: the UMD, and the IIFE under the name it had before. */
const SCRIPT_FILES: Record<string, string> = { umd: 'lava-checkout.umd.js', iife: 'lava-checkout.iife.js' };

/**
 * The host SDK for npm and for a script tag.
 * - default mode: `.` (React bindings) and `./vanilla` in dist/lib/ as ESM (.js) and CJS (.cjs),
 *   React external, not minified (the merchant's bundler minifies; check-size measures the
 *   minified size). Declarations: scripts/build-lib-types.mjs.
 * - `--mode script`: one self-contained, minified UMD (dist/lava-checkout.umd.js), no React: a
 *   <script> tag gets `window.LavaCheckout`, AMD (`define`) and CommonJS (`module.exports`)
 *   loaders get the same object. The same entry also as an IIFE under the file's earlier name
 *   (dist/lava-checkout.iife.js), so pages that load that name keep what they had, on a page
 *   with an AMD loader too (where a UMD waits to be required).
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
        lib: { entry: 'src/umd.ts', formats: ['umd', 'iife'], name: 'LavaCheckout', fileName: (format) => SCRIPT_FILES[format]! },
        // The entry's default export is the whole API: module.exports = it, define(() => it), window.LavaCheckout = it.
        rolldownOptions: { output: { exports: 'default' } },
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
