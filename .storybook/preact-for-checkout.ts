import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { preactCompatAliases } from '../preact-aliases.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Modules whose `react` is preact/compat, as in the app's build: the checkout app, the story
 * harness that mounts it, and the one React library the app uses. Everything else in the preview
 * (Storybook's renderer, the host SDK's React bindings) keeps React, as on a merchant's page.
 */
const preactSide = [`${root}src/checkout/`, `${root}stories/checkout/app/`, '/node_modules/@stripe/react-stripe-js/'];

/** Resolves React imports by who imports them, since one preview holds both renderers. */
export function preactForCheckout(): Plugin {
  return {
    name: 'lava:preact-for-checkout',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !preactSide.some((dir) => importer.includes(dir))) return null;
      const alias = preactCompatAliases.find(({ find }) => find.test(source));
      if (!alias) return null;
      return this.resolve(source.replace(alias.find, alias.replacement), importer, { skipSelf: true });
    },
  };
}

/**
 * The dependency pre-bundler resolves without plugins, so it would give @stripe/react-stripe-js
 * React: serve it unbundled (its imports then pass through the plugin above) and pre-bundle the
 * Preact entry points every checkout module shares, so there is one Preact.
 */
export const preactOptimizeDeps: NonNullable<UserConfig['optimizeDeps']> = {
  include: [
    'preact',
    'preact/hooks',
    'preact/compat',
    'preact/compat/client',
    'preact/compat/jsx-runtime',
    'preact/compat/jsx-dev-runtime',
    '@stripe/react-stripe-js > prop-types',
  ],
  exclude: ['@stripe/react-stripe-js'],
};
