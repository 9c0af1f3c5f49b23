import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { normalizeBase } from '../contract/token';
import { createApp } from './app';
import type { SandboxContext } from './context';
import { firstMerchant } from './domain/merchants';
import { servedHosts } from './http/hosts';
import { listen } from './http/listen';
import { type LogSink, silentLog } from './log';
import type { OtpDeps } from './otp/otp';
import { packageRoot } from './package-root';
import type { PaymentProcessor } from './payments/processor';
import { createSandboxProcessor } from './payments/sandbox-processor';
import { loadStripeProcessor } from './payments/stripe-processor';
import { recoverInterruptedPayments } from './payments/store';
import { type Db, openDatabase, resetDatabase } from './storage/db';
import { applySeed, DEFAULT_SEED, persistentSetting, readSeedFile, type SeedFile } from './storage/seed';
import { refuseLiveStripeKeys } from './test-mode';
import { createWebhookOutbox, type WebhookOutbox, type WebhookOutboxOptions } from './webhooks';

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
  processor?: SandboxProcessor;
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

/** A processor, with the publishable key the checkout app needs in Stripe mode. */
type SandboxProcessor = PaymentProcessor & { publishableKey?: string };

export const DEFAULT_PORT = 4242;
export const DEFAULT_SESSION_TTL_MS = 60 * 60_000;

/**
 * Opens the database, seeds it, listens and starts delivering webhooks. Whatever fails on the way
 * (a bad seed, a Stripe package missing, the port taken) closes what was opened and rejects.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  refuseLiveStripeKeys({
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: process.env.STRIPE_PUBLISHABLE_KEY,
    "the processor's publishableKey": options.processor?.publishableKey,
  });
  const dataDir = resolve(options.dataDir ?? '.lava-sandbox');
  if (options.reset && !options.memory) resetDatabase(dataDir);
  const db = openDatabase({ memory: options.memory ?? false, dataDir });
  const server = createServer();
  try {
    return await serve(db, server, options);
  } catch (err) {
    server.close();
    db.close();
    throw err;
  }
}

async function serve(db: Db, server: Server, options: SandboxOptions): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  applySeed(db, typeof options.seed === 'string' ? readSeedFile(options.seed) : (options.seed ?? DEFAULT_SEED), now());
  recoverInterruptedPayments(db);
  const processor = await chooseProcessor(options, now);
  // Bound before the app exists: its context needs the port the system picked (port 0). The app
  // is attached below in the same turn of the event loop, before any request can be read.
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const base = normalizeBase(options.publicUrl ?? `http://${hostInUrl(host)}:${port}/`);
  const log = options.log ?? silentLog;
  const ctx: SandboxContext = {
    db,
    now,
    base,
    servesHost: servedHosts({ base, port, names: options.allowedHosts }),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    otpKey: Buffer.from(persistentSetting(db, 'otp_hmac_key', () => randomBytes(32).toString('hex')), 'hex'),
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
  server.on('request', getRequestListener(createApp(ctx, otpDeps(ctx)).fetch, { hostname: host }));
  ctx.webhooks.start();

  let closing: Promise<void> | null = null;
  return {
    url: base.slice(0, -1),
    base,
    restUrl: `${base}v1/`,
    port,
    secretKey: firstMerchant(db).secret_key,
    db,
    webhooks: ctx.webhooks,
    close() {
      closing ??= ctx.webhooks.stop().then(
        () =>
          new Promise<void>((done) => {
            server.close(() => {
              db.close();
              done();
            });
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}

/** Phone codes land in the sandbox inbox and the terminal. */
function otpDeps(ctx: SandboxContext): OtpDeps {
  return {
    db: ctx.db,
    key: ctx.otpKey,
    now: ctx.now,
    deliver: (phone, code, sentAt) => {
      ctx.db.prepare('INSERT INTO sms_inbox (phone, code, sent_at) VALUES (?, ?, ?)').run(phone, code, sentAt);
      ctx.log(`[sms] to ${phone}: your Lava verification code is ${code}`);
    },
  };
}

/** How browsers reach a server listening on `host`: any-interface addresses by loopback, IPv6 in brackets. */
function hostInUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function chooseProcessor(options: SandboxOptions, now: () => number): Promise<SandboxProcessor> {
  if (options.processor) return Promise.resolve(options.processor);
  const secret = process.env.STRIPE_SECRET_KEY;
  const publishable = process.env.STRIPE_PUBLISHABLE_KEY;
  if (secret && publishable) {
    return loadStripeProcessor({ secretKey: secret, publishableKey: publishable, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET });
  }
  return Promise.resolve(createSandboxProcessor(now));
}
