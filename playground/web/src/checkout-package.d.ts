// The pages import '@lavapayments/checkout' like a merchant app; Vite aliases it to the package
// source (playground/vite.config.ts). These are the same types, for the type checker.
declare module '@lavapayments/checkout' {
  export const useLavaCheckout: typeof import('../../../src/index').useLavaCheckout;
  export const LavaCheckout: typeof import('../../../src/index').LavaCheckout;
}
