import { Hono } from 'hono';
import type { SandboxContext } from '../context';
import { cancelSubscription, type SubscriptionRow, subscriptionById } from '../domain/subscriptions';
import { ApiError, invalid, notFound } from '../http/errors';
import { beforeClause, pageOf, readPage } from '../http/pagination';
import type { RestEnv } from './env';
import { presentSubscription } from './present';

const STATUSES = ['active', 'cancelled', 'all'] as const;

export function subscriptionRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.get('/', (c) => {
    const merchant = c.get('merchant');
    const page = readPage(c);
    const status = c.req.query('status') ?? 'active';
    if (!(STATUSES as readonly string[]).includes(status)) throw invalid("'status' must be one of: active, cancelled, all.");
    const connectionId = c.req.query('connection_id');
    const before = beforeClause(page);
    const where = [
      'merchant_id = ?',
      ...(status === 'all' ? [] : ['status = ?']),
      ...(connectionId ? ['connection_id = ?'] : []),
    ].join(' AND ');
    const rows = ctx.db
      .prepare(`SELECT * FROM subscriptions WHERE ${where}${before.sql} ORDER BY seq DESC LIMIT ?`)
      .all(
        merchant.id,
        ...(status === 'all' ? [] : [status]),
        ...(connectionId ? [connectionId] : []),
        ...before.params,
        page.limit + 1,
      ) as SubscriptionRow[];
    return c.json(pageOf(rows, page, (row) => presentSubscription(ctx.db, row)));
  });

  app.delete('/:id', (c) => {
    const sub = subscriptionById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!sub) throw notFound('subscription', c.req.param('id'));
    if (sub.status !== 'active') throw new ApiError('conflict', 'This subscription is already cancelled.');
    cancelSubscription(ctx.db, sub.id, ctx.now());
    return c.json({ success: true });
  });

  return app;
}
