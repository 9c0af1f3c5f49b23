export type {
  BalanceLowData,
  CheckoutCompletedData,
  WalletBalanceUpdatedData,
  WebhookEvent,
  WebhookEventType,
} from '../contract/webhooks';
export { WebhookVerificationError } from './errors';
export type { WebhookVerificationErrorCode } from './errors';
export type { HeaderSource } from './headers';
export { memoryReplayCheck } from './replay';
export type { ReplayCheck } from './replay';
export { generateWebhookSecret } from './secret';
export { legacySignature, standardSignature } from './signature';
export { verifyWebhook } from './verify';
export type { VerifyWebhookOptions } from './verify';
