import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { preactCompatAliases } from './preact-aliases.ts';
import { inlineFirstScript } from './scripts/inline-first-script.ts';
import { inlineStylesheet } from './scripts/inline-stylesheet.ts';

// The checkout app: a static site the sandbox serves at /embed/checkout and /checkout-app/assets/*.
// Built on Preact's React-compatible layer: the same components, a tenth of React DOM's bytes.
// Every text file also ships as .br and .gz beside it, unless that would be no smaller (a tiny
// chunk); the sandbox serves the best one the browser accepts (src/sandbox/hosting/encoding.ts).
export default defineConfig({
  root: 'src/checkout',
  base: '/checkout-app/',
  plugins: [react(), inlineStylesheet(), inlineFirstScript(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|js|css|svg|json)$/, threshold: 0, skipIfLargerOrEqual: true })],
  resolve: { alias: preactCompatAliases },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: '../../dist/checkout-app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // What the first screen needs goes in one chunk: catalogs share its string helpers, which
      // the bundler would otherwise split off into small chunks loaded alongside it.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
});
