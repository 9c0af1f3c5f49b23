import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createPlainServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scheme = 'http' | 'https';

export interface DualServer {
  port: number;
  /** e.g. `url('https', 'checkout.lava.test')` -> `https://checkout.lava.test:41234` */
  url(scheme: Scheme, host: string): string;
  close(): Promise<void>;
}

export interface DualServerOptions {
  /** Names the self-signed certificate covers (browsers in tests ignore certificate errors anyway). */
  hosts: string[];
  handle(req: IncomingMessage, res: ServerResponse, scheme: Scheme): void;
}

/** A self-signed certificate for `hosts`, made by the `openssl` on PATH, valid for one day. */
export function selfSignedCertificate(hosts: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lava-tls-'));
  try {
    const san = hosts.map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', `/CN=${hosts[0] ?? 'localhost'}`, '-addext', `subjectAltName=${san}`,
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 15_000 },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TLS_HANDSHAKE = 0x16;

/**
 * One ephemeral loopback port that answers both plain HTTP and HTTPS (the first byte of a
 * connection tells a TLS handshake apart), so two origins can differ in nothing but the scheme.
 */
export async function startDualServer(options: DualServerOptions): Promise<DualServer> {
  const plain = createPlainServer((req, res) => options.handle(req, res, 'http'));
  const tls = createTlsServer(selfSignedCertificate(options.hosts), (req, res) => options.handle(req, res, 'https'));
  const sockets = new Set<Socket>();
  const tcp = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done));
  const { port } = tcp.address() as AddressInfo;
  return {
    port,
    url: (scheme, host) => `${scheme}://${host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        tcp.close(() => done());
      }),
  };
}
