import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The checkout app: a static site the sandbox serves at /embed/checkout and /checkout-app/assets/*.
// Built on Preact's React-compatible layer: the same components, a tenth of React DOM's bytes.
export default defineConfig({
  root: 'src/checkout',
  base: '/checkout-app/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: '../../dist/checkout-app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
