import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { preactCompatAliases } from './preact-aliases.ts';

// The checkout app: a static site the sandbox serves at /embed/checkout and /checkout-app/assets/*.
// Built on Preact's React-compatible layer: the same components, a tenth of React DOM's bytes.
export default defineConfig({
  root: 'src/checkout',
  base: '/checkout-app/',
  plugins: [react()],
  resolve: { alias: preactCompatAliases },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: '../../dist/checkout-app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
