import { Hono } from 'hono';
import type { CheckoutMode } from '../../contract/flow-api';
import type { SandboxContext } from '../context';
import { bundleById, planById } from '../domain/catalog';
import { parseOriginUrl } from '../domain/origin';
import { createSession, sessionById, type SessionRow } from '../domain/sessions';
import { connectionById } from '../domain/wallets';
import { field, readJsonObject } from '../http/body';
import { invalid, notFound } from '../http/errors';
import { beforeClause, pageOf, readPage } from '../http/pagination';
import type { RestEnv } from './env';
import { presentSession } from './present';

const MODES: readonly CheckoutMode[] = ['onboarding', 'topup', 'subscription', 'credit_bundle'];

export function checkoutSessionRoutes(ctx: SandboxContext): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.post('/', async (c) => {
    const merchant = c.get('merchant');
    const body = await readJsonObject(c);
    const mode = field.oneOf(body, 'checkout_mode', MODES);
    const originUrl = field.string(body, 'origin_url', { max: 2048 });
    const origin = parseOriginUrl(originUrl);
    if ('error' in origin) throw invalid(origin.error);
    const referenceId = field.optionalString(body, 'reference_id', { max: 255 }) ?? null;
    const connectionId = field.optionalString(body, 'connection_id', { max: 100 }) ?? null;
    const planId = field.optionalString(body, 'subscription_config_id', { max: 100 }) ?? null;
    const bundleId = field.optionalString(body, 'credit_bundle_id', { max: 100 }) ?? null;

    if ((mode === 'topup' || mode === 'credit_bundle') && !connectionId) {
      throw invalid(`checkout_mode '${mode}' needs 'connection_id' (the customer's existing connection).`);
    }
    if (mode === 'subscription' && !planId) {
      throw invalid("checkout_mode 'subscription' needs 'subscription_config_id'.");
    }
    if (mode === 'credit_bundle' && !bundleId) throw invalid("checkout_mode 'credit_bundle' needs 'credit_bundle_id'.");
    if (planId && mode !== 'subscription') throw invalid("'subscription_config_id' is only used with checkout_mode 'subscription'.");
    if (bundleId && mode !== 'credit_bundle') throw invalid("'credit_bundle_id' is only used with checkout_mode 'credit_bundle'.");
    if (connectionId && !connectionById(ctx.db, merchant.id, connectionId)) throw notFound('connection', connectionId);
    if (planId && !planById(ctx.db, merchant.id, planId)) throw notFound('subscription config', planId);
    if (bundleId && !bundleById(ctx.db, merchant.id, bundleId)) throw notFound('credit bundle', bundleId);

    const session = createSession(
      ctx.db,
      {
        merchantId: merchant.id,
        mode,
        originUrl,
        origin: origin.origin,
        referenceId,
        connectionId,
        subscriptionConfigId: planId,
        creditBundleId: bundleId,
      },
      ctx.now(),
      ctx.sessionTtlMs,
    );
    return c.json(presentSession(session, ctx.base, ctx.now()), 200);
  });

  app.get('/', (c) => {
    const merchant = c.get('merchant');
    const page = readPage(c);
    const before = beforeClause(page);
    const ref = c.req.query('reference_id');
    const rows = ctx.db
      .prepare(
        `SELECT * FROM checkout_sessions WHERE merchant_id = ?${ref ? ' AND reference_id = ?' : ''}${before.sql}
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(merchant.id, ...(ref ? [ref] : []), ...before.params, page.limit + 1) as SessionRow[];
    return c.json(pageOf(rows, page, (s) => presentSession(s, ctx.base, ctx.now())));
  });

  app.get('/:id', (c) => {
    const id = c.req.param('id');
    const session = sessionById(ctx.db, id);
    if (!session || session.merchant_id !== c.get('merchant').id) throw notFound('checkout session', id);
    return c.json(presentSession(session, ctx.base, ctx.now()));
  });

  return app;
}
