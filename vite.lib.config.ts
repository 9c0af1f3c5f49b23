import { defineConfig } from 'vite';

/**
 * The host SDK for npm and for a script tag.
 * - default mode: `.` (React bindings) and `./vanilla` as ESM in dist/ and CJS in dist/cjs/
 *   (dist/cjs/package.json says "commonjs"), React external, not minified (the merchant's
 *   bundler minifies; check-size measures the minified size).
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
      outDir: 'dist',
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'es2022',
      lib: { entry: { index: 'src/index.ts', vanilla: 'src/vanilla.ts' } },
      rolldownOptions: {
        external: [/^react($|\/)/, /^react-dom($|\/)/],
        output: [
          {
            format: 'es',
            dir: 'dist',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
          },
          {
            format: 'cjs',
            dir: 'dist/cjs',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
          },
        ],
      },
    },
  };
});
