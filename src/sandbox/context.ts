import type { ProcessorConfig } from '../contract/flow-api';
import type { Db } from './storage/db';
import type { LogSink } from './log';
import type { PaymentProcessor } from './payments/processor';
import type { WebhookOutbox } from './webhooks';

/** Everything a route handler needs, built once per sandbox. */
export interface SandboxContext {
  db: Db;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now: () => number;
  /** The public URL ending in `/`, used as `base` in session tokens. */
  base: string;
  /** Whether a `Host` header names this sandbox (its public URL, loopback on its port, allowed names). */
  servesHost: (host: string) => boolean;
  sessionTtlMs: number;
  /** Keys the phone-code hashes: made once per database and kept in it, so a code sent before a restart still verifies. */
  otpKey: Buffer;
  staticDir: string;
  /** Origins besides the sandbox's own that may call the flow API (a checkout dev server). */
  appOrigins: readonly string[];
  log: LogSink;
  /** Which payment processor the checkout app should render. */
  processorConfig: () => ProcessorConfig;
  /** Charges cards: the offline sandbox processor, or Stripe when keys are configured. */
  processor: PaymentProcessor;
  /** Signed webhook deliveries: pass to emitCheckoutCompleted / emitWalletBalanceUpdated. */
  webhooks: WebhookOutbox;
}
