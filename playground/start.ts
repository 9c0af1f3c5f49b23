import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { startSandbox } from '../src/sandbox';
import { startMerchantBackend } from './server/app';
import { registerWebhook } from './server/register-webhook';
import { playgroundViteConfig } from './vite.config';

export interface PlaygroundOptions {
  /** 4242, 4243 and 5173 by default; 0 picks free ports (tests). */
  sandboxPort?: number;
  backendPort?: number;
  webPort?: number;
  /** Default `.lava-sandbox/playground`. */
  dataDir?: string;
  /** Sandbox lines (requests, SMS codes, webhook attempts). */
  sandboxLog?: (line: string) => void;
  /** Merchant backend lines (sessions created, verified webhooks). */
  backendLog?: (line: string) => void;
}

export interface Playground {
  /** The merchant page: http://localhost:5173 */
  webUrl: string;
  /** The sandbox (REST API, hosted checkout): http://127.0.0.1:4242 */
  sandboxUrl: string;
  backendUrl: string;
  secretKey: string;
  /** Webhooks the merchant backend verified, newest first. */
  received: ReadonlyArray<{ id: string; type: string; checkout_session_id: string | null }>;
  close(): Promise<void>;
}

/** Sandbox, merchant backend and merchant page, wired together; close() stops all three. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const stops: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const sandbox = await startSandbox({
      port: options.sandboxPort ?? 4242,
      dataDir: resolve(options.dataDir ?? '.lava-sandbox/playground'),
      log: options.sandboxLog,
    });
    stops.push(() => sandbox.close());

    const webPort = options.webPort ?? 5173;
    // Known before Vite listens only when fixed; with port 0 the backend learns it below.
    let pageOrigin = `http://localhost:${webPort}`;
    const backend = await startMerchantBackend({
      sandboxUrl: sandbox.url,
      secretKey: sandbox.secretKey,
      pageOrigin: () => pageOrigin,
      port: options.backendPort ?? 4243,
      log: options.backendLog,
    });
    stops.push(() => backend.close());
    backend.setWebhookSecret(await registerWebhook(backend.lava, backend.webhookUrl));

    const vite: ViteDevServer = await createServer(playgroundViteConfig({ backendUrl: backend.url, port: webPort }));
    stops.push(() => vite.close());
    await vite.listen();
    const address = vite.httpServer?.address();
    const port = typeof address === 'object' && address ? address.port : webPort;
    pageOrigin = `http://localhost:${port}`;

    return {
      webUrl: pageOrigin,
      sandboxUrl: sandbox.url,
      backendUrl: backend.url,
      secretKey: sandbox.secretKey,
      received: backend.received,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
