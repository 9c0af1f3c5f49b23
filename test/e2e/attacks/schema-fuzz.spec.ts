import type { Frame, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { encodeToken } from '../../../src/contract/token';
import { startMerchant } from '../flow/merchant';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { printFamilies, record, terminalCallbacks } from './support';

/**
 * A checkout double on the checkout origin that completes the handshake and hands the test its
 * port: what a compromised or buggy checkout could send on the trusted channel.
 */
const PORT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout double</title></head><body><script>
  window.addEventListener('message', (event) => {
    if (window.__port || event.source !== parent) return;
    if (!event.data || event.data.type !== 'connect' || event.ports.length !== 1) return;
    const port = event.ports[0];
    port.onmessage = (m) => { if (m.data && m.data.type === 'init') { window.__port = port; port.postMessage({ type: 'ready', step: 'phone' }); } };
  });
  parent.postMessage({ protocol: 'lava-checkout', v: 1, type: 'hello' }, '*');
</script></body></html>`;

let merchant: StaticServer;
let checkout: StaticServer;

test.beforeAll(async () => {
  merchant = await startMerchant();
  checkout = await startStaticServer({
    host: '127.0.0.1',
    roots: {},
    handle(_req, res) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PORT_PAGE);
      return true;
    },
  });
});
test.afterAll(async () => {
  printFamilies();
  await Promise.all([merchant?.close(), checkout?.close()]);
});

const CS = 'cs_schema_fuzz';

/**
 * Malformed app messages: not an object, wrong types, empty or oversized strings, codes not shaped
 * like a code, prototype keys, unknown and legacy types, a hello on the port. None may reach a callback.
 */
function junk(): string[] {
  // Sent as JSON text and parsed inside the frame, so own `__proto__` keys survive.
  const big = 'x'.repeat(1024 * 1024);
  return [
    'null',
    '"success"',
    '42',
    '[{"type":"success","connectionId":"c","checkoutSessionId":"s"}]',
    '{"type":7}',
    '{"type":"success"}',
    '{"type":"success","connectionId":42,"checkoutSessionId":"cs"}',
    '{"type":"success","connectionId":"conn_x","checkoutSessionId":{"id":"cs"}}',
    '{"type":"success","connectionId":"","checkoutSessionId":""}',
    `{"type":"success","connectionId":"${big}","checkoutSessionId":"${CS}"}`,
    `{"type":"error","code":"internal","message":"${big}"}`,
    `{"type":"event","event":{"type":"step","step":"${big}"}}`,
    '{"type":"error","code":"Not a code!","message":"x"}',
    '{"type":"error","code":"constructor_is_fine_but_this_code_is_far_too_long","message":"x"}',
    '{"type":"error","code":"internal","message":7}',
    '{"type":"cancel","checkoutSessionId":7}',
    '{"__proto__":{"type":"success","connectionId":"conn_proto","checkoutSessionId":"cs"}}',
    '{"type":"__proto__","__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}},"type":"success"}',
    '{"type":"pwn"}',
    '{"type":"lava_checkout_success","connectionId":"conn_legacy","checkoutSessionId":"cs"}',
    '{"type":"resize","height":"tall"}',
    '{"type":"resize","height":-1e308}',
    '{"protocol":"lava-checkout","v":1,"type":"hello"}',
  ];
}

async function openWithPort(page: Page): Promise<Frame> {
  await page.goto(`${merchant.url}/`);
  const token = encodeToken({ secret: 'schema_fuzz_secret_0123456789', base: `${checkout.url}/` });
  await page.evaluate((t) => (window as unknown as { openCheckout(t: string): void }).openCheckout(t), token);
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(checkout.url))?.evaluate(() => Boolean((window as unknown as { __port?: unknown }).__port)) ?? false).toBe(true);
  return page.frames().find((f) => f.url().startsWith(checkout.url))!;
}

const post = (frame: Frame, texts: string[]) =>
  frame.evaluate((list) => {
    const port = (window as unknown as { __port: MessagePort }).__port;
    for (const text of list) port.postMessage(JSON.parse(text));
    return list.length;
  }, texts);

const polluted = (page: Page) => page.evaluate(() => 'polluted' in {} || 'polluted' in Object.prototype);

for (const [order, first, second] of [
  ['success twice, then cancel', 'success', 'cancel'],
  ['cancel, then success', 'cancel', 'success'],
] as const) {
  test(`given malformed messages on the trusted port, then ${order}: at most one callback (the first valid one), no page error, no prototype pollution`, async ({ page }) => {
    const frame = await openWithPort(page);
    const attempts = await post(frame, junk());
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    const afterJunk = await terminalCallbacks(page);
    const valid = {
      success: JSON.stringify({ type: 'success', connectionId: 'conn_ok', checkoutSessionId: CS }),
      cancel: JSON.stringify({ type: 'cancel', checkoutSessionId: CS }),
    };
    // The frame goes away on the first terminal message; what follows is sent in the same task.
    await post(frame, [valid[first], valid[first], valid[second], ...junk().slice(0, 5)]).catch(() => 0);
    await expect.poll(async () => (await terminalCallbacks(page)).length).toBeGreaterThan(0);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    const fired = await terminalCallbacks(page);
    record('schema-fuzz (trusted port)', attempts + 8, afterJunk.length + Math.max(0, fired.length - 1));
    expect(afterJunk).toEqual([]);
    expect(fired.map((e) => e.kind)).toEqual([first]);
    expect(await polluted(page)).toBe(false);
  });
}
