// The checkout app runs on Preact's React-compatible layer. Its production build
// (vite.app.config.ts), its unit tests (vitest.config.ts, project `checkout`) and its stories
// (.storybook/preact-for-checkout.ts) all resolve React through this one list, so what the
// tests render is what customers get.
export const preactCompatAliases: Array<{ find: RegExp; replacement: string }> = [
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  // @testing-library/react takes `act` from here (preact/compat has no React.act).
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
];
