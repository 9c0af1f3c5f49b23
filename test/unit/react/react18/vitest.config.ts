import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// The React bindings against React 18: `react` and `react-dom` (and their subpaths) resolve to
// this folder's own install (npm ci --prefix test/unit/react/react18), everything else as usual.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  resolve: {
    alias: [
      { find: /^react-dom(\/.*)?$/, replacement: `${here('node_modules/react-dom')}$1` },
      { find: /^react(\/.*)?$/, replacement: `${here('node_modules/react')}$1` },
    ],
  },
  test: {
    name: 'react18',
    environment: 'jsdom',
    dir: here('.'),
    include: ['**/*.react18.ts'],
  },
});
