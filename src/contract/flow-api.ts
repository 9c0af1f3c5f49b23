import type { Step } from './events';

/**
 * The flow API: what the checkout app (inside the iframe) calls on the checkout server.
 * All routes are POST/GET under `/api/flow/`, JSON in and out; failures answer an ErrorBody.
 *
 * Credentials never travel in a URL:
 * - `start` takes the session secret in its body and answers a `flow_token`;
 * - every later call sends `Authorization: Bearer <flow_token>`;
 * - `phone/verify` answers a fresh `flow_token` (the verified credential) that replaces the old one;
 * - to resume after a reload, `start` also takes the verified `flow_token` this browser kept: it is
 *   rotated (the answer carries a new one, the old one stops working). Without it, start answers
 *   the phone step.
 * Money fields are decimal strings ("25.00"), USD.
 */
export const FLOW_API_PREFIX = '/api/flow';

export type CheckoutMode = 'onboarding' | 'topup' | 'subscription' | 'credit_bundle';
export type BillingInterval = 'day' | 'week' | 'month' | 'year';
export type RolloverType = 'full' | 'none';

export interface PlanSummary {
  subscription_config_id: string;
  name: string;
  period_amount: string;
  billing_interval: BillingInterval;
  included_credit: string;
  rollover_type: RolloverType;
  bundle_rollover_type: RolloverType;
}

export interface CreditBundleSummary {
  credit_bundle_id: string;
  name: string;
  cost: string;
  credit_amount: string;
}

export interface AmountRules {
  /** ISO 4217; the session's currency, which plans and bundles are priced in too. */
  currency: string;
  min: string;
  max: string;
  presets: string[];
}

export type ProcessorConfig = { kind: 'sandbox' } | { kind: 'stripe'; publishable_key: string };

/** Where a session stands: the server keeps it, so a reopened checkout resumes. */
export interface FlowProgress {
  step: Step;
  /** Masked phone once a code was sent ("+1 •••• ••12"). */
  phone_masked?: string;
  verified: boolean;
  wallet_exists?: boolean;
  connection_id?: string;
}

// POST /api/flow/start
export interface StartRequest {
  secret: string;
  /** The parent origin the app learned in the handshake; null on the legacy path. Never a credential. */
  parent_origin: string | null;
  /**
   * The verified flow token this browser kept for the session (the checkout origin's sessionStorage),
   * proving a reopened checkout is the one that verified. Modern path only. A frame that may not use
   * storage sends none: the browser sends the same token as the server's partitioned cookie.
   */
  flow_token?: string;
}
export interface StartResponse {
  checkout_session_id: string;
  flow_token: string;
  mode: CheckoutMode;
  merchant: { name: string };
  origin: string;
  expires_at: string;
  plan?: PlanSummary;
  credit_bundle?: CreditBundleSummary;
  /** topup / credit_bundle: the connection whose owner must verify. */
  connection?: { connection_id: string; phone_masked: string };
  amounts: AmountRules;
  processor: ProcessorConfig;
  progress: FlowProgress;
}

// POST /api/flow/phone/send
export interface SendCodeRequest {
  /** E.164, e.g. "+14155550100". */
  phone: string;
}
export interface SendCodeResponse {
  phone_masked: string;
  /** Seconds until another code may be sent. */
  resend_after: number;
  /** Seconds the code stays valid. */
  expires_in: number;
}

// POST /api/flow/phone/verify
export interface VerifyCodeRequest {
  code: string;
}
export interface WalletPreview {
  first_name_initial: string;
  last_name_initial: string;
  email_masked: string;
  phone_masked: string;
}
export interface VerifyCodeResponse {
  flow_token: string;
  /** The same answer shape whether or not a wallet exists: only known after a good code. */
  wallet: { exists: false } | { exists: true; preview: WalletPreview; already_linked: boolean };
}

// POST /api/flow/wallet  (new number)
export interface CreateWalletRequest {
  first_name: string;
  last_name: string;
  email: string;
}
// POST /api/flow/wallet/link  (known number, after consent)
export type LinkWalletRequest = Record<string, never>;
export interface WalletResponse {
  connection_id: string;
  created: boolean;
  /** subscription mode: the wallet is already on this plan, so the app completes without a charge. */
  already_subscribed?: boolean;
}

// GET /api/flow/state  -> current progress (resume after reload)
export type StateResponse = FlowProgress;

// ---- payments (sandbox processor or Stripe) ----

export interface SavedCard {
  payment_method_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

// POST /api/flow/payment/intent
export interface PaymentIntentRequest {
  /** onboarding / topup: the amount chosen; subscription / credit_bundle: omitted (server prices it). */
  amount?: string;
  /** Client-made key, stored before the call and reused on every retry of the same intent. */
  idempotency_key: string;
}
export interface PaymentIntentResponse {
  intent_id: string;
  amount: string;
  /** ISO 4217. */
  currency: string;
  description: string;
  saved_cards: SavedCard[];
  /** Stripe only. */
  client_secret?: string;
}

export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

// POST /api/flow/payment/confirm
export interface ConfirmPaymentRequest {
  intent_id: string;
  idempotency_key: string;
  /** Exactly one of card (sandbox processor), payment_method_id (saved card), stripe (Stripe confirmed client-side). */
  card?: CardInput;
  payment_method_id?: string;
  stripe_payment_intent_id?: string;
  save_card?: boolean;
  /** Answer to a sandbox 3-D Secure challenge. */
  challenge?: { challenge_id: string; approve: boolean };
}
export type ConfirmPaymentResponse =
  | { status: 'succeeded'; connection_id: string; checkout_session_id: string; charge_id: string }
  | { status: 'requires_action'; challenge_id: string }
  | {
      status: 'failed';
      code: 'card_declined' | 'insufficient_funds' | 'authentication_failed' | 'invalid_card';
      message: string;
      /** invalid_card: the card field at fault, so the form can mark it. */
      field?: 'number' | 'exp' | 'cvc';
    };

// POST /api/flow/complete (modes that end without a charge: already subscribed)
export interface CompleteResponse {
  connection_id: string;
  checkout_session_id: string;
}
