import { Hono } from 'hono';
import type { SandboxContext } from '../context';
import { activeSubscriptionOf, cancelSubscription } from '../domain/subscriptions';
import { type ConnectionRow, connectionById } from '../domain/wallets';
import { notFound } from '../http/errors';
import { beforeClause, pageOf, readPage } from '../http/pagination';
import type { RestEnv } from './env';
import { presentConnection, presentSubscriptionBase } from './present';

export function connectionRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.get('/', (c) => {
    const merchant = c.get('merchant');
    const page = readPage(c);
    const before = beforeClause(page);
    const ref = c.req.query('reference_id');
    const rows = ctx.db
      .prepare(
        `SELECT * FROM connections WHERE merchant_id = ? AND deleted_at IS NULL${ref ? ' AND reference_id = ?' : ''}${before.sql}
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(merchant.id, ...(ref ? [ref] : []), ...before.params, page.limit + 1) as ConnectionRow[];
    return c.json(pageOf(rows, page, (row) => presentConnection(ctx.db, row)));
  });

  app.get('/:id', (c) => {
    const conn = connectionById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!conn) throw notFound('connection', c.req.param('id'));
    return c.json(presentConnection(ctx.db, conn));
  });

  app.get('/:id/subscription', (c) => {
    const conn = connectionById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!conn) throw notFound('connection', c.req.param('id'));
    const sub = activeSubscriptionOf(ctx.db, conn.id);
    return c.json({ subscription: sub ? presentSubscriptionBase(ctx.db, sub) : null });
  });

  // Deleting a connection ends the merchant's link to the wallet (and its active subscription);
  // the wallet and its ledger stay.
  app.delete('/:id', (c) => {
    const conn = connectionById(ctx.db, c.get('merchant').id, c.req.param('id'));
    if (!conn) throw notFound('connection', c.req.param('id'));
    const now = ctx.now();
    ctx.db.transaction(() => {
      const sub = activeSubscriptionOf(ctx.db, conn.id);
      if (sub) cancelSubscription(ctx.db, sub.id, now);
      ctx.db.prepare('UPDATE connections SET deleted_at = ? WHERE id = ?').run(now, conn.id);
    })();
    return c.json({ success: true });
  });

  return app;
}
