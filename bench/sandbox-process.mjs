// The built sandbox (dist/sandbox) in its own process for the throughput run: in memory, on an
// ephemeral loopback port. Prints one JSON line with its URLs and key; stops on SIGTERM or SIGINT.
import { startSandbox } from '../dist/sandbox/index.js';

const sandbox = await startSandbox({ memory: true, port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: sandbox.url, restUrl: sandbox.restUrl, secretKey: sandbox.secretKey })}\n`);
const stop = () => sandbox.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
