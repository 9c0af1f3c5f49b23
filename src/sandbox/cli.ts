#!/usr/bin/env node
import { parseArgs, USAGE } from './cli-args';
import { startSandbox } from './index';

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`lava-checkout-sandbox: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    port: args.port,
    host: args.host,
    memory: args.memory,
    reset: args.reset,
    dataDir: args.dataDir,
    seed: args.seed,
    publicUrl: args.publicUrl,
    staticDir: args.staticDir,
    appOrigins: args.appOrigins,
    allowedHosts: args.allowedHosts,
    log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  });
  process.stdout.write(
    [
      '',
      `Lava checkout sandbox listening on ${sandbox.base}`,
      `  REST API     ${sandbox.restUrl}`,
      `  Secret key   ${sandbox.secretKey}`,
      `  SMS inbox    ${sandbox.base}sandbox/inbox`,
      `  Storage      ${args.memory ? 'in memory' : (args.dataDir ?? '.lava-sandbox')}`,
      '  Test phones  +12015550100 … +12015550199 always get code 000000',
      '',
      '',
    ].join('\n'),
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`lava-checkout-sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
