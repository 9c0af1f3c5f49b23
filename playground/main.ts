import { ensureBuilds } from './ensure-builds';
import { startPlayground } from './start';

// `npm run playground`: everything a merchant needs to see a checkout work, offline.
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

ensureBuilds(console.log);
const playground = await startPlayground({
  sandboxPort: Number(process.env.SANDBOX_PORT ?? 4242),
  backendPort: Number(process.env.BACKEND_PORT ?? 4243),
  webPort: Number(process.env.PORT ?? 5173),
  dataDir: process.env.PLAYGROUND_DATA_DIR,
  sandboxLog: (line) => console.log(dim(`[sandbox] ${line}`)),
  backendLog: (line) => console.log(`[merchant] ${line}`),
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE' || /already in use/i.test(error.message)) {
    console.error(`A port is already in use (${error.message}).`);
    console.error('Stop the other process, or choose ports: SANDBOX_PORT=4252 BACKEND_PORT=4253 PORT=5183 npm run playground');
  } else {
    console.error(error);
  }
  process.exit(1);
});

console.log(`
  Lava Checkout playground

  Merchant page      ${playground.webUrl}   (useLavaCheckout)
                     ${playground.webUrl}/component.html   (<LavaCheckout>)
                     ${playground.webUrl}/script-tag.html   (script tag)
  Merchant backend   ${playground.backendUrl}   (@lavapayments/nodejs, webhooks at /api/webhooks/lava)
  Sandbox            ${playground.sandboxUrl}   (REST ${playground.sandboxUrl}/v1/, SMS inbox /sandbox/inbox,
                     webhook deliveries /sandbox/webhooks/deliveries)
  Test secret key    ${playground.secretKey}

  Test phones +1 201 555 0100 … 0199, code 000000; card 4242 4242 4242 4242.
  Ctrl-C stops everything.
`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the playground …`);
  const timer = setTimeout(() => process.exit(1), 5000);
  await playground.close();
  clearTimeout(timer);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
