import { encodeToken } from '../../src/contract/token';
// The one fake checkout app, bundled by Vite as a standalone script (the `worker` query is how Vite
// bundles a file on its own and hands back its URL; it runs as a page script, not a worker).
import fakeCheckoutScript from '../../src/testing/fake-checkout-page.ts?worker&url';

/** Where the framed fake checkout page (same origin as the stories) finds its script. */
declare global {
  interface Window {
    lavaFakeCheckoutScript?: string;
  }
}
window.lavaFakeCheckoutScript = fakeCheckoutScript;

/** A token for the story-local fake checkout (answers the handshake) or the silent one (never does). */
export function fakeToken(kind: 'fake' | 'silent' = 'fake'): string {
  const base = `${window.location.origin}/fake-checkout/${kind === 'silent' ? 'silent/' : ''}`;
  return encodeToken({ secret: 'story_secret_0123456789', base });
}

/**
 * The fake checkout is served from Storybook's own origin: loopback when run locally, but any
 * host where a built Storybook is published. The demos list it like a staging checkout.
 */
export function fakeCheckoutOrigins(): string[] {
  return [window.location.origin];
}

/** The merchant page keeps its own colours whatever the checkout theme is. */
export const MERCHANT_PAGE = {
  minHeight: '100vh',
  boxSizing: 'border-box',
  padding: 24,
  fontFamily: 'system-ui, sans-serif',
  background: '#ffffff',
  color: '#1b1d21',
} as const;
