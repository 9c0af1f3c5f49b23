/**
 * `@lavapayments/checkout/testing/browser` (dist/testing.iife.cjs): the testing entry as a plain
 * script, for browser tests that cannot import modules into the page, such as Playwright's
 * `page.addInitScript({ path })`. It puts `window.LavaCheckoutTesting.installFakeCheckout` on
 * the page; call it before the page's own code opens a checkout:
 *
 *   await page.addInitScript({ path: require.resolve('@lavapayments/checkout/testing/browser') });
 *   await page.addInitScript((fake) => {
 *     window.LavaCheckoutTesting.installFakeCheckout(fake);
 *   }, { result: { status: 'success', connectionId: 'conn_1' } });
 *
 * `import type {} from '@lavapayments/checkout/testing/browser'` types `window.LavaCheckoutTesting`.
 */
import { installFakeCheckout } from './index';

export interface LavaCheckoutTestingGlobal {
  installFakeCheckout: typeof installFakeCheckout;
}

declare global {
  interface Window {
    LavaCheckoutTesting: LavaCheckoutTestingGlobal;
  }
}

if (typeof window !== 'undefined') window.LavaCheckoutTesting = { installFakeCheckout };
