import type { StorybookConfig } from '@storybook/react-vite';
import { fakeCheckoutPage } from './fake-checkout-page';
import { preactForCheckout, preactOptimizeDeps } from './preact-for-checkout.ts';

// Previews of the checkout app and the host SDK. Everything runs offline: the stories use a
// fake flow API and a fake Stripe, and the host stories frame a story-local fake checkout. The
// checkout app renders with Preact, as it ships; the host side with React, as merchants run it.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The host stories open `${base}embed/checkout`; a static copy keeps the built Storybook working.
  staticDirs: [{ from: '../stories/host/fake-checkout', to: '/fake-checkout' }],
  viteFinal: (vite) => ({
    ...vite,
    plugins: [preactForCheckout(), ...(vite.plugins ?? []), fakeCheckoutPage()],
    optimizeDeps: {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), ...(preactOptimizeDeps.include ?? [])],
      exclude: [...(vite.optimizeDeps?.exclude ?? []), ...(preactOptimizeDeps.exclude ?? [])],
    },
    resolve: {
      ...vite.resolve,
      // The main entry injects js.stripe.com on import; stories pass a fake Stripe and stay offline.
      alias: [...toAliasArray(vite.resolve?.alias), { find: /^@stripe\/stripe-js$/, replacement: '@stripe/stripe-js/pure' }],
    },
  }),
};

export default config;

type Aliases = NonNullable<NonNullable<Parameters<NonNullable<StorybookConfig['viteFinal']>>[0]['resolve']>['alias']>;

function toAliasArray(alias: Aliases | undefined): Array<{ find: string | RegExp; replacement: string }> {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias;
  return Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
}
