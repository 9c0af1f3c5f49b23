export type { CheckoutEvent, CheckoutEventType, Step } from './contract/events';
export type { ErrorCode } from './contract/errors';
export { LavaCheckoutError } from './contract/errors';
export type { Appearance, Prefill } from './contract/messages';
export { mount, open } from './host/open';
export { preload } from './host/preload';
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
