import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The checkout app: a static site the sandbox serves at /embed/checkout and /checkout-app/assets/*.
export default defineConfig({
  root: 'src/checkout',
  base: '/checkout-app/',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: '../../dist/checkout-app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
