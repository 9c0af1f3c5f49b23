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
          include: ['test/unit/{contract,host,react,checkout,testing}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/setup-dom.ts'],
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
