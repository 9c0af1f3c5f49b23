import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The `Host` values the sandbox answers: its public URL's host, the loopback names on the port it
 * listens on, and `names` (host names the developer added, e.g. a LAN name) on any port.
 * Compared lower-cased; a Host without a port means port 80.
 */
export function servedHosts(options: { base: string; port: number; names?: readonly string[] }): (host: string) => boolean {
  const exact = new Set([new URL(options.base).host, ...LOOPBACK_NAMES.map((name) => `${name}:${options.port}`)]);
  if (options.port === 80) for (const name of LOOPBACK_NAMES) exact.add(name);
  const names = new Set((options.names ?? []).map((name) => name.toLowerCase()));
  return (host) => {
    const value = host.toLowerCase();
    return exact.has(value) || names.has(value.replace(/:\d+$/, ''));
  };
}

/**
 * DNS rebinding: a web page can point its own host name at 127.0.0.1 and then read this server
 * as its own origin (the inbox shows codes in clear text). The browser still sends that name in
 * `Host`, so a request for a name the sandbox does not serve gets 421 and nothing else.
 */
export function requireServedHost(serves: (host: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!serves(c.req.header('host') ?? '')) {
      throw new ApiError('forbidden', 'This sandbox does not answer for that host name (see --allowed-host).', { status: 421 });
    }
    await next();
  };
}
