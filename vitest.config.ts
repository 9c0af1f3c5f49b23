import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import { preactCompatAliases } from './preact-aliases.ts';

// Unit tests: browser-side code in jsdom, server-side code in node. The checkout app's tests
// render with preact/compat, as its build does; the merchant side (host, React bindings,
// testing helpers, playground) renders with React, as merchants' apps do.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/unit/{contract,host,react,testing}/**/*.test.{ts,tsx}', 'playground/web/src/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, 'test/unit/**/*.node.test.ts'],
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
          name: 'checkout',
          environment: 'jsdom',
          include: ['test/unit/checkout/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'test/unit/**/*.node.test.ts'],
          setupFiles: ['test/unit/setup-dom.ts'],
          // Vitest leaves node_modules to Node, which would load real React for these; inlined,
          // their `react` imports go through the aliases too.
          server: { deps: { inline: ['@testing-library/react', '@stripe/react-stripe-js'] } },
        },
        resolve: {
          alias: preactCompatAliases,
          // @testing-library/react has no exports map: its `module` field is the ES build, whose
          // imports the aliases rewrite (its `main` build requires React past them).
          mainFields: ['module', 'jsnext:main', 'jsnext'],
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
