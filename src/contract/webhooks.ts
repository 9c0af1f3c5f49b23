import type { CheckoutMode } from './flow-api';

/**
 * Webhook events the sandbox sends to merchant endpoints: the types Lava's monetization quickstart
 * subscribes to and handles. The body of every delivery is one `WebhookEvent`, serialised once and
 * signed as sent: verify the raw bytes.
 */
export const WEBHOOK_EVENT_TYPES = ['checkout.completed', 'connection.wallet.balance.updated', 'connection.balance.low'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface CheckoutCompletedData {
  checkout_session_id: string;
  checkout_mode: CheckoutMode;
  connection_id: string;
  /** The merchant's own id for the customer, as given when the session was created. */
  reference_id: string | null;
  subscription_config_id?: string | null;
  credit_bundle_id?: string | null;
  /** Decimal string, USD: what the customer paid in this checkout ("0.00" when nothing). */
  amount?: string;
}

export interface WalletBalanceUpdatedData {
  connection_id: string;
  /** Decimal strings, USD. */
  balance: string;
  previous_balance?: string;
  reason?: string;
}

export interface BalanceLowData {
  connection_id: string;
  balance: string;
}

export interface WebhookEventDataMap {
  'checkout.completed': CheckoutCompletedData;
  'connection.wallet.balance.updated': WalletBalanceUpdatedData;
  'connection.balance.low': BalanceLowData;
}

export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = {
  [K in T]: {
    /** `evt_…`: the same on every delivery attempt; also sent as `webhook-id`. */
    id: string;
    type: K;
    /** ISO 8601. */
    created_at: string;
    data: WebhookEventDataMap[K];
  };
}[T];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
