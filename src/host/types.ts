import type { ErrorCode } from '../contract/errors';
import type { CheckoutEvent } from '../contract/events';
import type { Appearance, Prefill } from '../contract/messages';
import type { AttemptStamp } from '../contract/results';

/** `idle`: nothing open; `loading`: overlay shown, app not ready yet; `processing`: a payment is in flight. */
export type CheckoutStatus = 'idle' | 'loading' | 'ready' | 'processing';

export interface CheckoutSuccess extends AttemptStamp {
  connectionId: string;
  checkoutSessionId: string;
}

export interface CheckoutCancel extends AttemptStamp {
  /** Empty when the checkout closed before the app knew its session. */
  checkoutSessionId: string;
}

/** 0.1.3's `{ checkoutSessionId, error }` plus a code to switch on. */
export interface CheckoutErrorDetail extends AttemptStamp {
  code: ErrorCode;
  message: string;
  /** Same text as `message`; kept for code written against 0.1.3. */
  error: string;
  /** Empty when the failure happened before the app knew its session. */
  checkoutSessionId: string;
}

/** How an open attempt ended: the same object the matching callback receives. */
export type CheckoutResult =
  | ({ status: 'success' } & CheckoutSuccess)
  | ({ status: 'cancel' } & CheckoutCancel)
  | ({ status: 'error' } & CheckoutErrorDetail);

/** An onEvent event: the catalog entry plus its attempt's id and sequence number. */
export type AttemptEvent = CheckoutEvent & AttemptStamp;

export interface CheckoutCallbacks {
  onSuccess?: (result: CheckoutSuccess) => void;
  onCancel?: (result: CheckoutCancel) => void;
  onError?: (error: CheckoutErrorDetail) => void;
  /** Progress of the flow (steps, code sent, payment submitted ...). Never personal data. */
  onEvent?: (event: AttemptEvent) => void;
  /**
   * The customer pressed close or Escape (after `onEvent` got `close_attempt`). Return `false`
   * to keep the checkout open, e.g. after your own "leave checkout?" prompt. Not asked while a
   * payment is in flight: then the close is held by the checkout regardless.
   */
  onCloseAttempt?: () => boolean | undefined;
}

/** Where the SDK may open a checkout: every entry that takes a token or a base accepts it. */
export interface CheckoutOrigins {
  /**
   * Checkout origins to trust besides the defaults (https on lavapayments.com and its
   * subdomains; http(s) on localhost, 127.0.0.0/8 and [::1], the sandbox), e.g. a staging host or
   * a sandbox on your LAN: `['https://checkout.staging.example.com', 'http://192.168.1.20:4242']`.
   * A token naming any other origin ends in `invalid_token`, and nothing is requested from it.
   */
  checkoutOrigins?: readonly string[];
}

export interface OpenOptions extends CheckoutCallbacks, CheckoutOrigins {
  /** Milliseconds to wait for the checkout to be ready before onError `load_timeout`. Default 15000. */
  timeout?: number;
  appearance?: Appearance;
  /** BCP 47 tag, e.g. `en-US`. */
  locale?: string;
  /**
   * Fill the phone step and the new-wallet form with what you know of the customer; they still
   * verify the phone by code and may change any of it. Sent only to the checkout frame (never in
   * a URL, an event or a result); an invalid value is ignored.
   */
  prefill?: Prefill;
}

/** One open attempt. */
export interface CheckoutHandle {
  /** Resolves `true` once the checkout is interactive, `false` if it ended first. Never rejects. */
  readonly ready: Promise<boolean>;
  /** Resolves exactly once with how the attempt ended. Never rejects. */
  readonly result: Promise<CheckoutResult>;
  readonly status: CheckoutStatus;
  /** Ask the checkout to close; deferred while a payment is in flight. Idempotent. */
  close(): void;
}

/** An inline checkout (`mount`). */
export interface MountHandle extends CheckoutHandle {
  /** Unmount: remove the frame and every listener at once, without callbacks. */
  destroy(): void;
}
