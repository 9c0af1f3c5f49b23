// The built sandbox (dist/sandbox) in its own process for the throughput run, as `npm run sandbox`
// runs it: a file database (in a fresh temporary directory, removed on exit), on an ephemeral
// loopback port. Prints one JSON line with its URLs and key; stops on SIGTERM or SIGINT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../dist/sandbox/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lava-bench-sandbox-'));
const sandbox = await startSandbox({ memory: false, dataDir, port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: sandbox.url, restUrl: sandbox.restUrl, secretKey: sandbox.secretKey })}\n`);
const stop = () =>
  sandbox.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
