import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { normalizeBase } from '../contract/token';
import { createApp } from './app';
import type { SandboxContext } from './context';
import { firstMerchant } from './domain/merchants';
import { type LogSink, silentLog } from './log';
import type { OtpDeps } from './otp/otp';
import { packageRoot } from './package-root';
import type { PaymentProcessor } from './payments/processor';
import { createSandboxProcessor } from './payments/sandbox-processor';
import { loadStripeProcessor } from './payments/stripe-processor';
import { recoverInterruptedPayments } from './payments/store';
import { type Db, openDatabase, resetDatabase } from './storage/db';
import { applySeed, DEFAULT_SEED, persistentSetting, readSeedFile, type SeedFile } from './storage/seed';
import { createWebhookOutbox, type WebhookOutbox, type WebhookOutboxOptions } from './webhooks';
import { servedHosts } from './http/hosts';
import { refuseLiveStripeKeys } from './test-mode';

export type { SeedFile } from './storage/seed';
export type { LogSink } from './log';
export { TEST_CODE, TEST_PHONE_PATTERN } from './otp/phone';
export { OTP_LIMITS } from './otp/limits';

export interface SandboxOptions {
  /** TCP port; 0 picks a free one. Default 4242. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Keep everything in memory (tests). Default false: a file database in `dataDir`. */
  memory?: boolean;
  /** Default `.lava-sandbox` in the working directory. */
  dataDir?: string;
  /** Delete the database in `dataDir` first, so the seed is applied again. */
  reset?: boolean;
  /** Seed for an empty database: an object or a JSON file path. Default: the seed shipped with the package. */
  seed?: SeedFile | string;
  /** Clock in epoch milliseconds; tests inject one to move time. */
  now?: () => number;
  /** Checkout session lifetime. Default 60 minutes. */
  sessionTtlMs?: number;
  /** The built checkout app. Default `dist/checkout-app` in the package. */
  staticDir?: string;
  /** The URL browsers reach the sandbox at (goes into session tokens). Default `http://<host>:<port>/`. */
  publicUrl?: string;
  /** Origins besides the sandbox's own allowed to call the flow API, e.g. a checkout dev server. */
  appOrigins?: string[];
  /**
   * Host names answered besides the public URL's host and localhost / 127.0.0.1 / [::1] on the
   * port (any port for these). Requests for any other `Host` get 421 (DNS rebinding).
   */
  allowedHosts?: string[];
  /**
   * Card processor. Default: Stripe (the optional \`stripe\` package) when STRIPE_SECRET_KEY and
   * STRIPE_PUBLISHABLE_KEY are set (STRIPE_WEBHOOK_SECRET too: the signing secret of the endpoint
   * sending `payment_intent.succeeded` to `/stripe/webhook`), else the offline sandbox processor.
   * Tests may pass their own (`createStripeProcessor` with a fake of the package).
   */
  processor?: PaymentProcessor & { publishableKey?: string };
  /** Terminal lines (requests, sandbox SMS codes). Default: silent. */
  log?: LogSink;
  /** Webhook delivery tuning (attempts, backoff, timeouts); tests shorten the delays. */
  webhooks?: WebhookOutboxOptions;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:4242` (no trailing slash). */
  url: string;
  /** `url` + `/`: the `base` inside checkout session tokens. */
  base: string;
  /** What to pass as `baseUrl` to `new Lava(key, { baseUrl })`. */
  restUrl: string;
  port: number;
  /** The seeded merchant's `aks_test_...` key. */
  secretKey: string;
  /** The open database (tests may inspect it). */
  db: Db;
  /** The webhook outbox: endpoints, enqueue, delivery log. */
  webhooks: WebhookOutbox;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4242;
export const DEFAULT_SESSION_TTL_MS = 60 * 60_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  refuseLiveStripeKeys({
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: process.env.STRIPE_PUBLISHABLE_KEY,
    "the processor's publishableKey": options.processor?.publishableKey,
  });
  const now = options.now ?? Date.now;
  const log = options.log ?? silentLog;
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.lava-sandbox');
  if (options.reset && !options.memory) resetDatabase(dataDir);
  const db = openDatabase({ memory: options.memory ?? false, dataDir });
  const seed = typeof options.seed === 'string' ? readSeedFile(options.seed) : (options.seed ?? DEFAULT_SEED);
  try {
    applySeed(db, seed, now());
  } catch (err) {
    db.close();
    throw err;
  }
  recoverInterruptedPayments(db);
  let processor: PaymentProcessor & { publishableKey?: string };
  try {
    processor = await chooseProcessor(options, now);
  } catch (err) {
    db.close();
    throw err;
  }
  const otpKey = Buffer.from(persistentSetting(db, 'otp_hmac_key', () => randomBytes(32).toString('hex')), 'hex');

  const ctx: SandboxContext = {
    db,
    now,
    base: '',
    servesHost: () => false,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    otpKey,
    staticDir: resolve(options.staticDir ?? join(packageRoot(), 'dist', 'checkout-app')),
    appOrigins: options.appOrigins ?? [],
    log,
    processorConfig: () =>
      processor.kind === 'stripe' && processor.publishableKey
        ? { kind: 'stripe', publishable_key: processor.publishableKey }
        : { kind: 'sandbox' },
    processor,
    webhooks: createWebhookOutbox(db, { now, log, ...options.webhooks }),
  };
  const otp: OtpDeps = {
    db,
    key: otpKey,
    now,
    deliver: (phone, code, sentAt) => {
      db.prepare('INSERT INTO sms_inbox (phone, code, sent_at) VALUES (?, ?, ?)').run(phone, code, sentAt);
      log(`[sms] to ${phone}: your Lava verification code is ${code}`);
    },
  };
  const app = createApp(ctx, otp);

  let server: ServerType;
  const port = await new Promise<number>((done, fail) => {
    server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info) => done(info.port));
    server.once('error', fail);
  }).catch((err) => {
    db.close();
    throw err;
  });
  const address = server!.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  ctx.base = normalizeBase(options.publicUrl ?? `http://${urlHost}:${address.port ?? port}/`);
  ctx.servesHost = servedHosts({ base: ctx.base, port: address.port ?? port, names: options.allowedHosts });
  const url = ctx.base.slice(0, -1);
  ctx.webhooks!.start();

  let closing: Promise<void> | null = null;
  return {
    url,
    base: ctx.base,
    restUrl: `${ctx.base}v1/`,
    port: address.port ?? port,
    secretKey: firstMerchant(db).secret_key,
    db,
    webhooks: ctx.webhooks!,
    close() {
      closing ??= ctx.webhooks!.stop().then(() => new Promise<void>((done) => {
        const s = server as unknown as { closeAllConnections?: () => void; close: (cb: () => void) => void };
        s.close(() => {
          db.close();
          done();
        });
        s.closeAllConnections?.();
      }));
      return closing;
    },
  };
}

function chooseProcessor(options: SandboxOptions, now: () => number): Promise<PaymentProcessor & { publishableKey?: string }> {
  if (options.processor) return Promise.resolve(options.processor);
  const secret = process.env.STRIPE_SECRET_KEY;
  const publishable = process.env.STRIPE_PUBLISHABLE_KEY;
  if (secret && publishable) {
    return loadStripeProcessor({ secretKey: secret, publishableKey: publishable, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET });
  }
  return Promise.resolve(createSandboxProcessor(now));
}
