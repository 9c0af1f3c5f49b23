// The pages import '@lavapayments/checkout' like a merchant app; Vite aliases it to the package
// source (playground/vite.config.ts, and vitest.config.ts for the pages' tests). These are the
// same types, for the type checker.
declare module '@lavapayments/checkout' {
  export const useLavaCheckout: typeof import('../../../src/index').useLavaCheckout;
  export const LavaCheckout: typeof import('../../../src/index').LavaCheckout;
  export type AttemptEvent = import('../../../src/index').AttemptEvent;
}

declare module '@lavapayments/checkout/testing' {
  export const installFakeCheckout: typeof import('../../../src/testing/index').installFakeCheckout;
  export type FakeCheckout = import('../../../src/testing/index').FakeCheckout;
  export type FakeCheckoutOptions = import('../../../src/testing/index').FakeCheckoutOptions;
}
