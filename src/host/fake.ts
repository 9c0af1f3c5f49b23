import type { SessionResult } from '../contract/results';

/**
 * The hook `@lavapayments/checkout/testing` sets: a well-known global symbol, so the production
 * entries never import the fake. Called with `connect`, it plays the app on a port-like object;
 * called with nothing, it answers getResult.
 */
export interface FakeHook {
  (connect: (port: MessagePort) => void): void;
  (): SessionResult;
}

export const TESTING = Symbol.for('lava.checkout.testing');

export const fake = (): FakeHook | undefined => (globalThis as Record<symbol, FakeHook | undefined>)[TESTING];
