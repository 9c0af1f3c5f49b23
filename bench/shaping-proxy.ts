import { createServer, type Server, type Socket, connect } from 'node:net';

/** A network link: round trip, and bandwidth each way. */
export interface LinkShape {
  rttMs: number;
  downKbps: number;
  upKbps: number;
  /** Charge each new connection one round trip for the TCP handshake (default true). */
  handshake?: boolean;
}

export interface LinkTraffic {
  /** TCP connections the browser opened through the link. */
  connections: number;
  /** Bytes that crossed the link, each way. */
  upBytes: number;
  downBytes: number;
}

export interface ShapingProxy {
  /** `http://127.0.0.1:<port>`: what the browser connects to. */
  url: string;
  port: number;
  shape: LinkShape;
  /** Where traffic goes; set after the upstream server knows its own port. */
  setTarget(port: number): void;
  /** Counts since the last reset. */
  traffic(): LinkTraffic;
  resetTraffic(): void;
  close(): Promise<void>;
}

/**
 * One direction of the link. Bytes leave one after another at the link's bandwidth (every
 * connection shares it, as they share a real access link) and arrive half a round trip later.
 */
class Lane {
  private freeAt = 0;

  constructor(
    private readonly kbps: number,
    private readonly oneWayMs: number,
  ) {}

  /** When `bytes` handed over at `readyAt` (ms, performance.now) arrive at the far end. */
  deliveryTime(readyAt: number, bytes: number): number {
    const leaves = Math.max(readyAt, this.freeAt) + (bytes * 8) / this.kbps;
    this.freeAt = leaves;
    return leaves + this.oneWayMs;
  }
}

/** A TCP segment's payload on a typical Ethernet path (1500 B MTU less IP and TCP headers). */
const SEGMENT_BYTES = 1460;

/**
 * What one read handed over, as the packets a link carries: each arrives once its own bytes have
 * crossed, so the first bytes of a long response arrive before the last have left (a page's
 * first script can run while the rest of it is on the way), as on a real network.
 */
function* segments(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SEGMENT_BYTES) yield data.subarray(at, at + SEGMENT_BYTES);
}

/**
 * Send `data` to `to` at `at` (ms, performance.now). Timers of equal or rising deadlines fire in
 * order, and each lane's deadlines only rise, so bytes keep their order on a connection.
 */
function deliver(to: Socket, at: number, data: Buffer | null): void {
  setTimeout(() => {
    if (to.destroyed) return;
    if (data === null) to.end();
    else to.write(data);
  }, Math.max(0, at - performance.now()));
}

/**
 * A TCP proxy on 127.0.0.1 that behaves like a slow link between the browser and one server:
 * every byte pays half the round trip each way and the bandwidth of its direction, and a new
 * connection pays one round trip (the TCP handshake) before its first byte can leave, as on a
 * real network. TLS is not modelled, so times are a floor for a real HTTPS link.
 */
export async function startShapingProxy(shape: LinkShape): Promise<ShapingProxy> {
  const up = new Lane(shape.upKbps, shape.rttMs / 2);
  const down = new Lane(shape.downKbps, shape.rttMs / 2);
  let targetPort = 0;
  let traffic: LinkTraffic = { connections: 0, upBytes: 0, downBytes: 0 };
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    traffic.connections++;
    // The client's SYN went out half a round trip ago, the SYN-ACK comes back half a round
    // trip later: its first byte leaves one round trip after it asked to connect.
    const established = performance.now() + (shape.handshake === false ? 0 : shape.rttMs);
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    open.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let upAt = established;
    let downAt = 0;
    client.on('data', (data) => {
      traffic.upBytes += data.length;
      for (const segment of segments(data)) {
        upAt = up.deliveryTime(Math.max(performance.now(), established), segment.length);
        deliver(upstream, upAt, segment);
      }
    });
    client.on('end', () => deliver(upstream, Math.max(upAt, performance.now() + shape.rttMs / 2), null));
    upstream.on('data', (data) => {
      traffic.downBytes += data.length;
      for (const segment of segments(data)) {
        downAt = down.deliveryTime(performance.now(), segment.length);
        deliver(client, downAt, segment);
      }
    });
    upstream.on('end', () => deliver(client, Math.max(downAt, performance.now() + shape.rttMs / 2), null));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => setTimeout(drop, shape.rttMs));
    upstream.on('close', () => setTimeout(drop, shape.rttMs));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('shaping proxy: no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    shape,
    setTarget: (port) => {
      targetPort = port;
    },
    traffic: () => ({ ...traffic }),
    resetTraffic: () => {
      traffic = { connections: 0, upBytes: 0, downBytes: 0 };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
