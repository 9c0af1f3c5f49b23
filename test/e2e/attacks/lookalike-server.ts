import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { decodeToken, encodeToken } from '../../../src/contract/token';
import { type DualServer, type Scheme, startDualServer } from '../support/https-server';
import { ATTACKER_PAGE } from './support';

/** The checkout's public host name in the lookalike tests; Chromium maps every `*.test` to 127.0.0.1. */
export const CHECKOUT_HOST = 'checkout.lava.test';

/** What Chromium needs so `*.test` names reach the loopback servers (with and without a trailing dot). */
export const TEST_HOST_RULES = '--host-resolver-rules=MAP *.test 127.0.0.1, MAP *.test. 127.0.0.1';

/**
 * One port, every host name, both schemes: `/attacker/*` is the attacker's page,
 * `/redirect/<base64url URL>/*` redirects to that URL, anything else is proxied (Host header
 * kept) to the sandbox, so the real checkout app answers at whatever origin the token's base
 * names, and an attacker page sits at every lookalike of it.
 */
export interface LookalikeServer extends DualServer {
  /** A checkout session token whose base is `${scheme}://${host}:${port}/` instead of the sandbox's own. */
  rebase(token: string, scheme: Scheme, host: string): string;
  /** A token for the real checkout origin whose embed URL redirects the iframe to `to`. */
  redirecting(token: string, to: string): string;
}

export async function startLookalikeServer(sandboxUrl: string): Promise<LookalikeServer> {
  const upstreamPort = Number(new URL(sandboxUrl).port);
  const server = await startDualServer({
    hosts: [CHECKOUT_HOST, '*.lava.test', '*.test', '127.0.0.1'],
    handle(req, res) {
      const redirect = /^\/redirect\/([\w-]+)\//.exec(req.url ?? '/');
      if (redirect) {
        res.writeHead(302, { location: Buffer.from(redirect[1]!, 'base64url').toString('utf8'), 'cache-control': 'no-store' }).end();
        return;
      }
      if ((req.url ?? '/').startsWith('/attacker/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(ATTACKER_PAGE);
        return;
      }
      proxy(req, res, upstreamPort);
    },
  });
  return {
    ...server,
    rebase(token, scheme, host) {
      const { secret } = decodeToken(token);
      return encodeToken({ secret, base: `${server.url(scheme, host)}/` });
    },
    redirecting(token, to) {
      const { secret } = decodeToken(token);
      return encodeToken({ secret, base: `${server.url('https', CHECKOUT_HOST)}/redirect/${Buffer.from(to).toString('base64url')}/` });
    },
  };
}

function proxy(req: IncomingMessage, res: ServerResponse, port: number): void {
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
  req.pipe(upstream);
}
