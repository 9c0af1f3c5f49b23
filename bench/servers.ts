import { join } from 'node:path';
import { startTestSandbox, type TestSandbox } from '../test/e2e/support/sandbox';
import { type StaticServer, startStaticServer } from '../test/e2e/support/static-server';
import { LEGACY_OUT, ROOT } from './build';

export interface BenchServers {
  /** In-process sandbox on 127.0.0.1 serving the built checkout app. */
  sandbox: TestSandbox;
  /** Merchant page on our vanilla SDK (http://localhost:<port>). */
  sdk: StaticServer;
  /** Merchant page bundling React and the published 0.1.3 hook (another localhost port). */
  legacy: StaticServer;
  close(): Promise<void>;
}

export async function startBenchServers(): Promise<BenchServers> {
  const sandbox = await startTestSandbox();
  const sdk = await startStaticServer({
    host: 'localhost',
    roots: { '/dist/': join(ROOT, 'dist'), '/': join(ROOT, 'bench', 'pages', 'merchant') },
  });
  const legacy = await startStaticServer({ host: 'localhost', roots: { '/': LEGACY_OUT } });
  return {
    sandbox,
    sdk,
    legacy,
    close: async () => {
      await Promise.all([sdk.close(), legacy.close()]);
      await sandbox.close();
    },
  };
}
