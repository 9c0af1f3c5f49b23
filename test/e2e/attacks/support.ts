import type { Frame, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import type { SandboxOptions } from '../../../src/sandbox/index';
import { type CreatedSession, startTestSandbox, type TestSandbox } from '../support/sandbox';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { checkoutFrame, merchantLog, startMerchant } from '../flow/merchant';

/**
 * Shared attack setup: the merchant page on localhost:A (the built host SDK), the real sandbox and
 * checkout app on 127.0.0.1:B, and the attacker on localhost:C and 127.0.0.1:D (a lookalike of
 * the checkout: same host, other port). Every log line the sandbox writes is kept.
 */
export interface AttackWorld {
  sandbox: TestSandbox;
  merchant: StaticServer;
  attacker: StaticServer;
  lookalike: StaticServer;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The attacker's page: records every message it receives (origin, data, ports) in `window.__got`
 * and forges messages on request (`window.__forge(target, payloads, withPort)`).
 */
export const ATTACKER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attacker</title></head>
<body><h1>Attacker</h1><script>
  window.__got = [];
  window.addEventListener('message', (e) => {
    let data;
    try { data = JSON.stringify(e.data); } catch { data = String(e.data); }
    window.__got.push({ origin: e.origin, data: data, ports: e.ports.length });
  });
  window.__forge = (which, payloads, withPort) => {
    const target = which === 'top' ? window.top : window.parent;
    let sent = 0;
    for (const p of payloads) {
      const ports = withPort ? [new MessageChannel().port2] : [];
      target.postMessage(p, '*', ports);
      sent++;
    }
    return sent;
  };
</script></body></html>`;

/** What a spec may change in the sandbox of its attack world (e.g. host names it answers). */
export type AttackSandboxOptions = Pick<SandboxOptions, 'allowedHosts'>;

/**
 * One attack world for the spec file: started in beforeAll, its families printed and everything
 * closed in afterAll. The fields are set once beforeAll has run: read them inside tests.
 */
export function attackWorldPerFile(timeout = 60_000, sandboxOptions: AttackSandboxOptions = {}): AttackWorld {
  const world = {} as AttackWorld;
  test.describe.configure({ timeout });
  test.beforeAll(async () => {
    Object.assign(world, await startAttackWorld(sandboxOptions));
  });
  test.afterAll(async () => {
    printFamilies();
    await world.close?.();
  });
  return world;
}

export async function startAttackWorld(sandboxOptions: AttackSandboxOptions = {}): Promise<AttackWorld> {
  const logLines: string[] = [];
  const sandbox = await startTestSandbox({ ...sandboxOptions, log: (line) => logLines.push(line) });
  const merchant = await startMerchant();
  const serveAttacker = (host: 'localhost' | '127.0.0.1') =>
    startStaticServer({
      host,
      roots: {},
      handle(_req, res) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(ATTACKER_PAGE);
        return true;
      },
    });
  const attacker = await serveAttacker('localhost');
  const lookalike = await serveAttacker('127.0.0.1');
  return {
    sandbox,
    merchant,
    attacker,
    lookalike,
    logLines,
    close: async () => {
      await Promise.all([merchant.close(), attacker.close(), lookalike.close()]);
      await sandbox.close();
    },
  };
}

/** Forged messages: success, cancel and error in every shape the host or the 0.1.3 hook might read. */
export function forgedPayloads(checkoutSessionId: string): unknown[] {
  const success = { type: 'success', connectionId: 'conn_forged', checkoutSessionId };
  const envelope = { protocol: 'lava-checkout', v: 1 };
  return [
    success,
    { type: 'cancel', checkoutSessionId },
    { type: 'error', code: 'session_expired', message: 'forged', checkoutSessionId },
    { ...envelope, ...success },
    { ...envelope, type: 'cancel', checkoutSessionId },
    { ...envelope, type: 'error', code: 'internal', message: 'forged' },
    { ...envelope, type: 'hello' },
    { ...envelope, type: 'connect' },
    { type: 'ready', step: 'phone' },
    { type: 'lock' },
    { type: 'close' },
    { type: 'lava_checkout_success', connectionId: 'conn_forged', checkoutSessionId },
    { type: 'lava_checkout_cancel', checkoutSessionId },
    JSON.stringify(success),
    [success],
    { data: success },
  ];
}

export interface Family {
  name: string;
  attempts: number;
  /** Forged messages accepted, secrets leaked, extra charges: anything above 0 fails the suite. */
  failures: number;
  /** What `failures` counts, as printed ("accepted", "leaked", "double charges"). */
  noun: string;
}

const families = new Map<string, Family>();

/** Adds to a family's counts; the suite prints one line per family at the end of each file. */
export function record(name: string, attempts: number, failures: number, noun = 'accepted'): void {
  const family = families.get(name) ?? { name, attempts: 0, failures: 0, noun };
  family.attempts += attempts;
  family.failures += failures;
  families.set(name, family);
}

export function printFamilies(): void {
  for (const f of families.values()) {
    console.log(`[attacks] ${f.name}: ${f.attempts} attempts, ${f.failures} ${f.noun}`);
  }
  families.clear();
}

/** The merchant page with the real checkout open and ready for `session` (`options` go to open(), e.g. checkoutOrigins). */
export async function openReadyCheckout(page: Page, world: AttackWorld, session: CreatedSession, options: Record<string, unknown> = {}): Promise<void> {
  await page.goto(`${world.merchant.url}/`);
  await page.evaluate(([token, o]) => (window as unknown as { openCheckout(t: string, o: object): void }).openCheckout(token as string, o as object), [session.token, options] as const);
  await expect(checkoutFrame(page).getByLabel('Phone number', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await merchantLog(page)).some((e) => e.kind === 'event' && e.type === 'ready')).toBe(true);
}

/** Terminal callbacks the merchant page has seen. */
export async function terminalCallbacks(page: Page): Promise<Array<Record<string, unknown>>> {
  return (await merchantLog(page)).filter((e) => e.kind === 'success' || e.kind === 'cancel' || e.kind === 'error');
}

/** Adds a frame to the merchant page and returns it once loaded. */
export async function addFrame(page: Page, attrs: { src?: string; srcdoc?: string; sandbox?: string }): Promise<Frame> {
  const name = `f${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ name: n, attrs: a }) =>
      new Promise<void>((done) => {
        const frame = document.createElement('iframe');
        frame.name = n;
        if (a.sandbox !== undefined) frame.setAttribute('sandbox', a.sandbox);
        if (a.srcdoc !== undefined) frame.srcdoc = a.srcdoc;
        if (a.src !== undefined) frame.src = a.src;
        frame.onload = () => done();
        document.body.appendChild(frame);
      }),
    { name, attrs },
  );
  const frame = page.frame({ name });
  if (!frame) throw new Error('the added frame is not attached');
  return frame;
}

/** Fires every forged payload from `frame` at the merchant window, with and without a port. */
export async function forgeFrom(frame: Frame, payloads: unknown[], which: 'parent' | 'top' = 'parent'): Promise<number> {
  const withoutPort = await frame.evaluate(([w, p]) => (window as unknown as { __forge: (w: string, p: unknown[], port: boolean) => number }).__forge(w as string, p as unknown[], false), [which, payloads] as const);
  const withPort = await frame.evaluate(([w, p]) => (window as unknown as { __forge: (w: string, p: unknown[], port: boolean) => number }).__forge(w as string, p as unknown[], true), [which, payloads] as const);
  return withoutPort + withPort;
}

/** After the forgeries: no callback fired, the checkout is still open and usable (a page error fails the test anyway). */
export async function expectUntouched(page: Page, family: string, attempts: number): Promise<void> {
  // Let any message in flight land before counting.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const fired = await terminalCallbacks(page);
  record(family, attempts, fired.length);
  expect(fired).toEqual([]);
  await expect(page.locator('iframe[title="Lava checkout"]')).toHaveCount(1);
  await expect(page.frameLocator('iframe[title="Lava checkout"]').getByLabel('Phone number', { exact: true })).toBeEditable();
}

export { checkoutFrame, merchantLog };
