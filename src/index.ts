'use client';

export type { CheckoutEvent, CheckoutEventType, Step } from './contract/events';
export type { ErrorCode } from './contract/errors';
export { LavaCheckoutError } from './contract/errors';
export type { Appearance } from './contract/messages';
export type {
  CheckoutCallbacks,
  CheckoutCancel,
  CheckoutErrorDetail,
  CheckoutHandle,
  CheckoutResult,
  CheckoutStatus,
  CheckoutSuccess,
  OpenOptions,
} from './host/types';
export { LavaCheckout, type LavaCheckoutProps } from './react/lava-checkout';
export { type UseLavaCheckout, type UseLavaCheckoutOptions, useLavaCheckout } from './react/use-lava-checkout';
