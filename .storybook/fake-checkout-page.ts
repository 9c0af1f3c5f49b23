import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const FAKE_CHECKOUT_PATH = '/fake-checkout/embed/checkout';
const page = fileURLToPath(new URL('../stories/host/fake-checkout/embed/checkout/index.html', import.meta.url));

/**
 * Serves the story-local fake checkout at the exact path the host SDK frames
 * (`${base}embed/checkout`, no extension) with an HTML content type, in `storybook dev` and in
 * the story tests. The built Storybook serves the same file from staticDirs.
 */
export function fakeCheckoutPage(): Plugin {
  return {
    name: 'lava:fake-checkout-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== FAKE_CHECKOUT_PATH && path !== `${FAKE_CHECKOUT_PATH}/`) return next();
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(readFileSync(page));
      });
    },
  };
}
