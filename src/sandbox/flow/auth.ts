import type { MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context';
import { assertOpen, sessionById } from '../domain/sessions';
import { bearerToken } from '../http/bearer';
import { ApiError } from '../http/errors';
import { SECRET_SHAPE } from '../ids';
import { liveCredential } from './credentials';
import type { FlowEnv } from './env';

/** `Authorization: Bearer <flow_token>`; the session must still be open unless `allowClosed`. */
export function requireFlowToken(ctx: SandboxContext, options: { allowClosed?: boolean } = {}): MiddlewareHandler<FlowEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const credential = token !== undefined && SECRET_SHAPE.test(token) ? liveCredential(ctx.db, token) : undefined;
    if (!credential) throw new ApiError('unauthorized', 'This checkout credential is missing or no longer valid.');
    const session = sessionById(ctx.db, credential.session_id)!;
    if (!options.allowClosed) assertOpen(session, ctx.now());
    c.set('credential', credential);
    c.set('session', session);
    await next();
  };
}

/** The credential must come from a verified phone code. */
export const requireVerified: MiddlewareHandler<FlowEnv> = async (c, next) => {
  if (!c.get('credential').verified_phone) throw new ApiError('forbidden', 'Verify your phone number first.');
  await next();
};
