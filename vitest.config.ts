import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit tests: browser-side code in jsdom, server-side code in node.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/unit/{contract,host,react,checkout,testing}/**/*.test.{ts,tsx}', 'playground/web/src/**/*.test.tsx'],
          setupFiles: ['test/unit/setup-dom.ts'],
        },
        // The playground pages import the package by name, as a merchant app does: point the
        // name at the source (as playground/vite.config.ts does), so their tests need no build.
        resolve: {
          alias: [
            { find: /^@lavapayments\/checkout$/, replacement: fileURLToPath(new URL('src/index.ts', import.meta.url)) },
            { find: /^@lavapayments\/checkout\/testing$/, replacement: fileURLToPath(new URL('src/testing/index.ts', import.meta.url)) },
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/{sandbox,node,webhooks}/**/*.test.ts', 'test/unit/**/*.node.test.ts'],
        },
      },
      'test/unit/react/react18/vitest.config.ts',
    ],
  },
});
