import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = '/fake-checkout/';
const dir = fileURLToPath(new URL('../stories/host/fake-checkout/', import.meta.url));

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
        const path = (req.url ?? '').split('?')[0] ?? '';
        const page = /^(silent\/)?embed\/checkout\/?$/.exec(path.startsWith(ROOT) ? path.slice(ROOT.length) : '');
        if (!page) return next();
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(readFileSync(`${dir}${page[1] ?? ''}embed/checkout/index.html`));
      });
    },
  };
}
