'use client';

export type { CheckoutEvent, CheckoutEventType, Step } from './contract/events';
export type { ErrorCode } from './contract/errors';
export { LavaCheckoutError } from './contract/errors';
export type { Appearance, Prefill } from './contract/messages';
export type { AttemptStamp, SessionResult } from './contract/results';
export { getResult } from './host/get-result';
export type {
  AttemptEvent,
  CheckoutCallbacks,
  CheckoutCancel,
  CheckoutErrorDetail,
  CheckoutHandle,
  CheckoutOrigins,
  CheckoutResult,
  CheckoutStatus,
  CheckoutSuccess,
  MountHandle,
  OpenOptions,
} from './host/types';
export { LavaCheckout, type LavaCheckoutProps } from './react/lava-checkout';
export { type UseLavaCheckout, type UseLavaCheckoutOptions, useLavaCheckout } from './react/use-lava-checkout';
