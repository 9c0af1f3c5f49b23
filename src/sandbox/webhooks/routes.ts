import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ErrorBody, ErrorCode } from '../../contract/errors';
import { EndpointInputError } from './endpoints';
import type { WebhookOutbox } from './outbox';

export interface WebhookRoutesOptions {
  outbox: WebhookOutbox;
  /** The merchant a request's `Authorization` header belongs to (constant-time check), or null. */
  authenticate: (authorization: string | undefined) => string | null | Promise<string | null>;
}

function fail(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * `POST/GET /v1/webhooks`, `DELETE /v1/webhooks/:id` (per merchant, Bearer secret key) and the
 * delivery log `GET /sandbox/webhooks/deliveries`. Mount at the root: `app.route('/', routes)`.
 */
export function createWebhookRoutes({ outbox, authenticate }: WebhookRoutesOptions) {
  const app = new Hono<{ Variables: { merchantId: string } }>();

  const requireMerchant = createMiddleware<{ Variables: { merchantId: string } }>(async (c, next) => {
    const merchantId = await authenticate(c.req.header('authorization'));
    if (!merchantId) return c.json(fail('unauthorized', 'Missing or invalid secret key'), 401);
    c.set('merchantId', merchantId);
    await next();
  });
  app.use('/v1/webhooks', requireMerchant);
  app.use('/v1/webhooks/*', requireMerchant);

  app.post('/v1/webhooks', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') return c.json(fail('invalid_request', 'Body must be a JSON object'), 400);
    if (body.events !== undefined && !Array.isArray(body.events)) return c.json(fail('invalid_request', 'events must be an array'), 400);
    try {
      const created = outbox.endpoints.create(c.get('merchantId'), {
        url: body.url as string,
        events: body.events as string[] | undefined,
      });
      return c.json(created, 201);
    } catch (error) {
      if (error instanceof EndpointInputError) return c.json(fail('invalid_request', error.message), 400);
      throw error;
    }
  });

  app.get('/v1/webhooks', (c) => c.json({ data: outbox.endpoints.list(c.get('merchantId')), has_more: false }));

  app.delete('/v1/webhooks/:id', (c) => {
    const id = c.req.param('id');
    if (!outbox.endpoints.delete(c.get('merchantId'), id)) return c.json(fail('not_found', 'No such webhook endpoint'), 404);
    return c.json({ webhook_id: id, deleted: true });
  });

  // The sandbox's own tooling, like /sandbox/inbox: no payloads and no secrets in it.
  app.get('/sandbox/webhooks/deliveries', (c) => {
    const limit = Number(c.req.query('limit') ?? 100);
    const eventId = c.req.query('event_id');
    return c.json({ data: outbox.listDeliveries({ limit: Number.isFinite(limit) ? limit : 100, eventId }) });
  });

  return app;
}
