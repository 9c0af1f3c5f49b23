export type { CheckoutEvent, CheckoutEventType, Step } from './contract/events';
export type { ErrorCode } from './contract/errors';
export { LavaCheckoutError } from './contract/errors';
export type { Appearance } from './contract/messages';
export { open } from './host/open';
export { preload } from './host/preload';
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
