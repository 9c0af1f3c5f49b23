import { copyFileSync, rmSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** The script tag's file before it was a UMD; pages that load it by that name keep working. */
const OLD_SCRIPT = 'dist/lava-checkout.iife.js';

function oldScriptName(): Plugin {
  return {
    name: 'lava-checkout-old-script-name',
    closeBundle() {
      // The copy points at lava-checkout.umd.js.map; a map left by an older build would not match.
      copyFileSync('dist/lava-checkout.umd.js', OLD_SCRIPT);
      rmSync(`${OLD_SCRIPT}.map`, { force: true });
    },
  };
}

/**
 * The host SDK for npm and for a script tag.
 * - default mode: `.` (React bindings) and `./vanilla` in dist/lib/ as ESM (.js) and CJS (.cjs),
 *   React external, not minified (the merchant's bundler minifies; check-size measures the
 *   minified size). Declarations: scripts/build-lib-types.mjs.
 * - `--mode script`: one self-contained, minified UMD (dist/lava-checkout.umd.js), no React: a
 *   <script> tag gets `window.LavaCheckout`, AMD (`define`) and CommonJS (`module.exports`)
 *   loaders get the same object. Copied to dist/lava-checkout.iife.js, its name before.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'script') {
    return {
      publicDir: false,
      plugins: [oldScriptName()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        lib: { entry: 'src/umd.ts', formats: ['umd'], name: 'LavaCheckout', fileName: () => 'lava-checkout.umd.js' },
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
