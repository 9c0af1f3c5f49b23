// Run by sandbox-process.ts in a child process (`node --import tsx`): an in-memory sandbox on an
// ephemeral port that prints where it listens, and stops on SIGTERM.
import { startTestSandbox } from './sandbox';

const sandbox = await startTestSandbox();
process.stdout.write(
  `${JSON.stringify({ url: sandbox.url, base: sandbox.base, restUrl: sandbox.restUrl, secretKey: sandbox.secretKey })}\n`,
);
process.on('SIGTERM', () => {
  void sandbox.close().then(() => process.exit(0));
});
