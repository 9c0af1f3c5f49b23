import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox } from '../../../src/sandbox/index';
import { DRAIN_LIMIT } from '../../../src/sandbox/http/drain';

/**
 * The "fetch failed" the API fuzzer saw about once in 1,500 requests: a request answered before
 * its body was read (404, 401, 413 on the declared length) left the body's tail on a keep-alive
 * connection, @hono/node-server gave that tail 500 ms and then destroyed the socket, and the
 * next request on the connection (whatever it was) got a reset. A busy machine delays the tail;
 * here it is delayed on purpose.
 */
let sandbox: Sandbox;
const TAIL_DELAY_MS = 800;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true });
});
afterAll(async () => {
  await sandbox?.close();
});

interface Exchange {
  /** Status line and headers of each answer, in order. */
  answers: Array<{ status: number; connection: string | null }>;
  /** The server closed the connection (or reset it) before the client did. */
  closedByServer: boolean;
}

/** One connection: a request whose body's tail comes late, then `then` on the same connection. */
async function lateTailThen(first: { method: string; path: string; headers?: Record<string, string>; body: string }, then: string): Promise<Exchange> {
  const socket: Socket = connect(sandbox.port, '127.0.0.1');
  await new Promise((done) => socket.once('connect', done));
  let received = '';
  let closedByServer = false;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => (closedByServer = true));
  socket.on('end', () => (closedByServer = true));
  socket.on('close', () => (closedByServer = true));
  const headers = { host: `127.0.0.1:${sandbox.port}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(first.body)), ...first.headers };
  const head = `${first.method} ${first.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  socket.write(head + first.body.slice(0, 100));
  await new Promise((done) => setTimeout(done, TAIL_DELAY_MS));
  if (!socket.destroyed) socket.write(first.body.slice(100));
  if (!socket.destroyed) socket.write(then);
  await new Promise((done) => setTimeout(done, 400));
  const answers = [...received.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/g)].map((m) => ({
    status: Number(m[1]),
    connection: /^connection: *(.*)$/im.exec(m[2]!)?.[1]?.trim().toLowerCase() ?? null,
  }));
  const server = closedByServer;
  socket.destroy();
  return { answers, closedByServer: server };
}

const follow = (port: number) => `GET /v1/connections/%252e%252e%252f HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nauthorization: Bearer aks_test_wrong_key_000000000000\r\n\r\n`;

describe('connection resets', () => {
  test('given a request answered before its body arrived, when the body tail comes late and the next request follows on the connection, then both are answered and the connection stays open', async () => {
    const key = { authorization: `Bearer ${sandbox.secretKey}` };
    const big = JSON.stringify({ pad: 'x'.repeat(70 * 1024) });
    const cases = [
      { label: 'unknown route (404)', method: 'DELETE', path: '/v1/connections/%252e%252e%252f', headers: key, body: '{"a":1}'.padEnd(4096, ' ') },
      { label: 'stray path (404)', method: 'PUT', path: '/v2/nope', body: big },
      { label: 'bad key (401)', method: 'POST', path: '/v1/meters', headers: { authorization: 'Bearer nope' }, body: '{"a":1}'.padEnd(8192, ' ') },
      { label: 'declared too large, REST (413)', method: 'POST', path: '/v1/meters', headers: key, body: big },
      { label: 'declared too large, flow API (413)', method: 'POST', path: '/api/flow/start', body: big },
      { label: 'declared too large, getResult (413)', method: 'POST', path: '/api/checkout/result', body: big },
      { label: 'foreign Host (421)', method: 'POST', path: '/sandbox/inbox', headers: { host: `evil.test:${sandbox.port}` }, body: big },
    ];
    const failures: string[] = [];
    for (const c of cases) {
      const exchange = await lateTailThen(c, follow(sandbox.port));
      const statuses = exchange.answers.map((a) => a.status);
      if (statuses.length !== 2 || exchange.closedByServer) failures.push(`${c.label}: answers ${statuses.join(',') || 'none'}, closed by server: ${exchange.closedByServer}`);
      else expect(statuses[1]).toBe(401);
    }
    console.log(`[attacks] connection resets (body tail ${TAIL_DELAY_MS} ms late, next request on the connection): ${cases.length} attempts, ${failures.length} reset`);
    expect(failures).toEqual([]);
  }, 30_000);

  test('given a body larger than the sandbox reads, then the answer says Connection: close, so no client reuses the connection', async () => {
    const exchange = await lateTailThen({ method: 'POST', path: '/v2/nope', body: 'x'.repeat(DRAIN_LIMIT + 1) }, '');
    expect(exchange.answers).toEqual([{ status: 404, connection: 'close' }]);
  });
});
