import { Hono } from 'hono';
import { fromMinor } from '../contract/money';
import type { SandboxContext } from './context';
import { iso } from './http/iso';

/**
 * Sandbox-only routes, for people and end-to-end tests: the SMS inbox (codes in plain text)
 * and the charges the sandbox processor made. A real Lava backend has neither.
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

  app.get('/charges', (c) => {
    const rows = ctx.db
      .prepare('SELECT * FROM charges ORDER BY seq DESC LIMIT 200')
      .all() as Array<{ id: string; intent_id: string; session_id: string; amount: number; brand: string; last4: string; processor: string; created_at: number }>;
    c.header('Cache-Control', 'no-store');
    return c.json(
      rows.map((r) => ({
        charge_id: r.id,
        intent_id: r.intent_id,
        checkout_session_id: r.session_id,
        amount: fromMinor(r.amount),
        status: 'succeeded',
        brand: r.brand,
        last4: r.last4,
        processor: r.processor,
        created_at: iso(r.created_at),
      })),
    );
  });

  return app;
}
