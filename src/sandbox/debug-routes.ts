import { Hono } from 'hono';
import type { SandboxContext } from './context';
import { iso } from './context';

/**
 * Sandbox-only routes, for people and end-to-end tests: the SMS inbox (codes in plain text)
 * and the charges made. A real Lava backend has neither.
 */
export function debugRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.get('/inbox', (c) => {
    const phone = c.req.query('phone');
    const rows = ctx.db
      .prepare(`SELECT phone, code, sent_at FROM sms_inbox${phone ? ' WHERE phone = ?' : ''} ORDER BY id DESC LIMIT 100`)
      .all(...(phone ? [phone] : [])) as Array<{ phone: string; code: string; sent_at: number }>;
    c.header('Cache-Control', 'no-store');
    return c.json(rows.map((r) => ({ phone: r.phone, code: r.code, sent_at: iso(r.sent_at) })));
  });

  return app;
}
