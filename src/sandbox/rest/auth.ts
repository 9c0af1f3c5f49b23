import type { MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context';
import { merchantByKey } from '../domain/merchants';
import { bearerToken } from '../http/bearer';
import { ApiError } from '../http/errors';
import type { RestEnv } from './env';

/** `Authorization: Bearer aks_test_...`, compared in constant time against every merchant key. */
export function requireSecretKey(ctx: SandboxContext): MiddlewareHandler<RestEnv> {
  return async (c, next) => {
    const key = bearerToken(c.req.header('authorization'));
    if (key === undefined) throw new ApiError('unauthorized', 'Send your secret key as "Authorization: Bearer aks_test_...".');
    const merchant = merchantByKey(ctx.db, key);
    if (!merchant) throw new ApiError('unauthorized', 'The secret key is not valid for this sandbox.');
    c.set('merchant', merchant);
    await next();
  };
}
