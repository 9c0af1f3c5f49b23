import type { MiddlewareHandler } from 'hono';

/** Bodies up to this size are read to the end before the answer goes out; larger ones close the connection. */
export const DRAIN_LIMIT = 1024 * 1024;

/**
 * Reads what is left of a request body before answering. An answer given before the body was
 * read (413 on a declared length, 401, 404) leaves the rest of the body on a keep-alive
 * connection; @hono/node-server then drains it for at most 500 ms and destroys the socket
 * although the answer said keep-alive, so when the body's tail came late (a busy machine) the
 * client's next request on that connection ended in a reset ("fetch failed"). Here the body is
 * read first, and a body that cannot be (too large, or half read by a size limit) gets
 * `Connection: close`, which tells the client not to reuse the connection.
 */
export function drainRequestBody(limit = DRAIN_LIMIT): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const request = c.req.raw;
    const close = () => c.res.headers.set('connection', 'close');
    if (!request.body) return;
    if (request.bodyUsed) {
      // The route read it: to the end, unless a size limit stopped halfway (413).
      if (c.res.status === 413) close();
      return;
    }
    if (Number(c.req.header('content-length') ?? 0) > limit || !(await discard(request.body, limit))) close();
  };
}

async function discard(body: ReadableStream<Uint8Array>, limit: number): Promise<boolean> {
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > limit) {
        await reader.cancel();
        return false;
      }
    }
  } catch {
    return false;
  }
}
