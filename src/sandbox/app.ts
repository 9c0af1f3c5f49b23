import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { FLOW_API_PREFIX } from '../contract/flow-api';
import type { SandboxContext } from './context';
import { debugRoutes } from './debug-routes';
import { identityRoutes } from './flow/identity-routes';
import { requireSameOrigin } from './flow/same-origin';
import { embedRoutes } from './hosting/embed';
import { resultRoutes } from './results/routes';
import { MAX_BODY_BYTES } from './http/body';
import { ApiError, errorResponse } from './http/errors';
import { bearerToken } from './http/bearer';
import { drainRequestBody } from './http/drain';
import { requireServedHost } from './http/hosts';
import { redactPath } from './log';
import type { OtpDeps } from './otp/otp';
import { paymentRoutes } from './payments/routes';
import { stripeWebhookRoutes } from './payments/stripe-webhook';
import { requireSecretKey } from './rest/auth';
import { creditBundleRoutes, meterRoutes, subscriptionConfigRoutes } from './rest/catalog';
import { checkoutSessionRoutes } from './rest/checkout-sessions';
import { connectionRoutes } from './rest/connections';
import type { RestEnv } from './rest/env';
import { subscriptionRoutes } from './rest/subscriptions';
import { merchantByKey } from './domain/merchants';
import { createWebhookRoutes } from './webhooks';

/** The whole sandbox as one hono app: REST /v1, the flow API, the hosted checkout, sandbox tools. */
export function createApp(ctx: SandboxContext, otp: OtpDeps): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    ctx.log(`${c.req.method} ${redactPath(c.req.path)} ${c.res.status} ${ms}ms`);
  });
  app.use(drainRequestBody());
  app.use(requireServedHost(ctx.servesHost));

  // Stops reading a request body past the limit, even when it is streamed without a length.
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      errorResponse(c, new ApiError('invalid_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { status: 413 })),
  });
  app.use('/v1/*', limit);
  app.use(`${FLOW_API_PREFIX}/*`, limit);

  const rest = new Hono<RestEnv>();
  rest.use(requireSecretKey(ctx));
  rest.route('/checkout_sessions', checkoutSessionRoutes(ctx));
  rest.route('/connections', connectionRoutes(ctx));
  rest.route('/subscription_configs', subscriptionConfigRoutes(ctx));
  rest.route('/credit_bundles', creditBundleRoutes(ctx));
  rest.route('/meters', meterRoutes(ctx));
  rest.route('/subscriptions', subscriptionRoutes(ctx));
  app.route('/v1', rest);

  const flow = new Hono();
  flow.use(requireSameOrigin([...ctx.appOrigins, new URL(ctx.base).origin]));
  flow.route('/', identityRoutes(ctx, otp));
  flow.route('/', paymentRoutes(ctx, { db: ctx.db, now: ctx.now, processor: ctx.processor, webhooks: ctx.webhooks }));
  app.route(FLOW_API_PREFIX, flow);

  const stripe = ctx.processor.stripe;
  if (stripe) {
    app.route('/stripe', stripeWebhookRoutes({ db: ctx.db, now: ctx.now, processor: ctx.processor, webhooks: ctx.webhooks, stripe, log: ctx.log }));
  }

  app.route('/api/checkout/result', resultRoutes(ctx));
  app.route('/', embedRoutes(ctx));
  const authenticate = (header: string | undefined) => merchantByKey(ctx.db, bearerToken(header) ?? '')?.id ?? null;
  app.route('/', createWebhookRoutes({ outbox: ctx.webhooks, authenticate }));
  app.route('/sandbox', debugRoutes(ctx));

  app.get('/', (c) =>
    c.json({
      name: 'Lava checkout sandbox',
      rest: `${ctx.base}v1/`,
      checkout: `${ctx.base}embed/checkout`,
      inbox: `${ctx.base}sandbox/inbox`,
    }),
  );

  app.notFound((c) => errorResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${redactPath(c.req.path)}.`)));
  app.onError((err, c) =>
    errorResponse(c, err, (e) => ctx.log(`internal error on ${c.req.method} ${redactPath(c.req.path)}: ${describeError(e)}`)),
  );
  return app;
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown';
}
