import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors';

/**
 * The flow API serves only the checkout app, which the sandbox itself hosts: a browser request
 * from any other page (its Origin is neither this server's host nor one of `extraOrigins`: the
 * public URL's origin, a dev server proxying to the sandbox) is refused. Requests without an Origin header (tests,
 * curl) pass; they carry no browser credentials anyway.
 */
export function requireSameOrigin(extraOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !extraOrigins.includes(origin)) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host === null || host !== c.req.header('host')) {
        throw new ApiError('forbidden', 'The checkout flow API only answers the checkout app.');
      }
    }
    await next();
  };
}
