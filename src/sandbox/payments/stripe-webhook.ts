import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, errorResponse } from '../http/errors';
import type { LogSink } from '../log';
import { cancelUnusable } from './stripe-intents';
import { reconcileSucceeded } from './stripe-reconcile';
import type { StripeDeps } from './stripe-store';

/** Stripe's events are small; this is far above any of them. */
const MAX_EVENT_BYTES = 256 * 1024;

/**
 * `POST /stripe/webhook`: Stripe's `payment_intent.succeeded`, signed with the endpoint's secret
 * and checked by the official package (`webhooks.constructEvent`, raw body, 5-minute tolerance).
 * The PaymentIntent is read again from Stripe (the event may be old; the card is expanded) and
 * reconciled: a customer who closed the tab between Stripe's success and the app's confirm still
 * gets a completed checkout, and the merchant its `checkout.completed`. A failure answers 500, so
 * Stripe delivers the event again.
 */
export function stripeWebhookRoutes(deps: StripeDeps & { log: LogSink }): Hono {
  const app = new Hono();
  app.post(
    '/webhook',
    bodyLimit({
      maxSize: MAX_EVENT_BYTES,
      onError: (c) => errorResponse(c, new ApiError('invalid_request', `The event is larger than ${MAX_EVENT_BYTES} bytes.`, { status: 413 })),
    }),
    async (c) => {
      const signature = c.req.header('stripe-signature');
      if (!signature) return errorResponse(c, new ApiError('invalid_request', 'Missing the Stripe-Signature header.'));
      const payload = await c.req.text();
      let event: { id: string; type: string; data: { object: unknown } };
      try {
        event = deps.stripe.api.webhooks.constructEvent(payload, signature, deps.stripe.webhookSecret);
      } catch {
        return errorResponse(c, new ApiError('unauthorized', 'The Stripe signature does not match this endpoint’s signing secret.', { status: 400 }));
      }
      if (event.type === 'payment_intent.succeeded') {
        const id = (event.data.object as { id?: unknown }).id;
        if (typeof id !== 'string') return errorResponse(c, new ApiError('invalid_request', 'The event names no PaymentIntent.'));
        const pi = await deps.stripe.api.paymentIntents.retrieve(id, { expand: ['payment_method'] });
        const done = await reconcileSucceeded(deps, pi, { saveCard: false });
        deps.log(`[stripe] ${event.id} payment_intent.succeeded ${id}: ${done.kind === 'ignored' ? `ignored (${done.reason})` : done.kind === 'refunded' ? `refunded (${done.reason})` : done.fresh ? 'checkout completed' : 'already recorded'}`);
      }
      // Every delivery is a moment to let go of PaymentIntents no session can use any more; the
      // event itself is recorded, so a failure here is only logged.
      await cancelUnusable(deps).catch((err: unknown) =>
        deps.log(`[stripe] cancelling unusable PaymentIntents failed: ${err instanceof Error ? err.message : 'unknown error'}`),
      );
      return c.json({ received: true });
    },
  );
  return app;
}
