import { Hono } from 'hono';
import type { SessionResult } from '../../contract/results';
import type { SandboxContext } from '../context';
import { type SessionRow, sessionBySecret, sessionStatus } from '../domain/sessions';
import { progressOf } from '../flow/summary';
import type { CredentialRow } from '../flow/credentials';
import { bodyLimit } from 'hono/body-limit';
import { bearerToken } from '../http/bearer';
import { MAX_BODY_BYTES, readJsonObject } from '../http/body';
import { SECRET_SHAPE } from '../ids';

/**
 * `POST /api/checkout/result`: what became of a session, for `getResult(token)` on the merchant
 * page (or its backend). Authorised by the session secret, in the body or `Authorization: Bearer`,
 * never the URL. A browser request is answered only for the session's own origin, and the
 * answer never holds more than the result: no phone, no name.
 */
export function resultRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ status: 'error', code: 'invalid_request' }, 413) }));

  // Preflight: answered alike for every origin, so it tells no one which sites have sessions. It only
  // lets the request be sent; the answer is readable by the session's own origin alone (below).
  app.options('/', (c) => {
    const origin = c.req.header('origin');
    if (origin === undefined || !/^https?:\/\/[\w.:[\]-]+$/.test(origin)) return c.body(null, 204);
    c.header('access-control-allow-origin', origin);
    c.header('access-control-allow-methods', 'POST');
    c.header('access-control-allow-headers', 'authorization, content-type');
    c.header('access-control-max-age', '600');
    c.header('vary', 'Origin');
    return c.body(null, 204);
  });

  app.post('/', async (c) => {
    c.header('cache-control', 'no-store');
    c.header('vary', 'Origin');
    const bearer = bearerToken(c.req.header('authorization'));
    const body = bearer ? {} : await readJsonObject(c).catch(() => ({}) as Record<string, unknown>);
    const secret = bearer ?? (typeof body.secret === 'string' ? body.secret : '');
    const session = SECRET_SHAPE.test(secret) ? sessionBySecret(ctx.db, secret) : undefined;
    const origin = c.req.header('origin');
    if (!session) {
      const answer: SessionResult = { status: 'error', code: 'session_not_found', message: 'This checkout session does not exist.' };
      return c.json(answer, 404);
    }
    // A browser page of another site learns nothing, not even that the secret was right.
    if (origin !== undefined && origin !== session.origin) {
      return c.json({ status: 'error', code: 'origin_mismatch', message: 'This checkout session was created for another website.' }, 403);
    }
    if (origin !== undefined) c.header('access-control-allow-origin', origin);
    return c.json(resultOf(ctx, session));
  });

  return app;
}

function resultOf(ctx: SandboxContext, session: SessionRow): SessionResult {
  const id = session.id;
  const now = ctx.now();
  const status = sessionStatus(session, now);
  if (status === 'completed') {
    return { status: 'success', connectionId: session.completed_connection_id ?? '', checkoutSessionId: id };
  }
  if (status === 'expired') {
    return { status: 'error', code: 'session_expired', message: 'This checkout session has expired.', checkoutSessionId: id };
  }
  // The furthest any live credential got: a later start that proved nothing (another browser, a
  // new tab) is at the phone step and does not hide where the customer is.
  const furthest = ctx.db
    .prepare(
      `SELECT * FROM flow_credentials WHERE session_id = ? AND revoked_at IS NULL
       ORDER BY connection_id IS NOT NULL DESC, verified_phone IS NOT NULL DESC, created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(id) as CredentialRow | undefined;
  const step = furthest ? progressOf(ctx.db, session, furthest, now).step : 'phone';
  return { status: 'open', step, checkoutSessionId: id };
}
