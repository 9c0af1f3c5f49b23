import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../../src/sandbox/storage/db';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/**
 * A webhook receiver on an ephemeral port that answers the scripted statuses in turn, then 200.
 * A scripted 0 never answers (the sender's timeout must end it).
 */
export async function startReceiver(script: number[] = []) {
  const received: ReceivedDelivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = script[received.length] ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      if (status === 0) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/lava`,
    received,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A merchant row, so the outbox's tables (keyed to merchants) take its endpoints. */
export function addMerchant(db: Db, id: string): void {
  db.prepare(
    "INSERT OR IGNORE INTO merchants (id, name, secret_key, amount_min, amount_max, amount_presets, created_at) VALUES (?, ?, ?, 500, 100000, '[]', 0)",
  ).run(id, id, `aks_test_${id}`);
}

/** A sandbox database file (migrated, with `merchantId`) in a fresh temp dir, reopenable to simulate a restart. */
export function tempDatabase(merchantId: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lava-webhooks-'));
  return {
    open: () => {
      const db = openDatabase({ memory: false, dataDir: dir });
      addMerchant(db, merchantId);
      return db;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 10));
  }
}
