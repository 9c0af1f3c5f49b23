import { forgedPayloads } from '../e2e/attacks/support';
import { waitFor } from './driver/driver';
import { expect, test } from './fixtures';
import { checkout, chooseAmount, createWallet, expectField, expectText, merchantLog, payWithCard, terminal, verifyPhone , openNewSession } from './steps';

test.describe.configure({ timeout: 120_000 });

test('a third-origin frame and the merchant window forge results: 0 accepted, and the checkout still completes', async ({ driver, world, engine }) => {
  const session = await openNewSession(driver, world);
  await expectField(checkout(driver), 'Phone number');
  await waitFor('ready', async () => (await merchantLog(driver)).some((e) => e.kind === 'event' && e.payload.type === 'ready'));

  const payloads = forgedPayloads(session.checkoutSessionId);
  await driver.page.run(
    (src) =>
      new Promise<void>((done) => {
        const frame = document.createElement('iframe');
        frame.id = 'attacker';
        frame.src = src;
        frame.onload = () => done();
        document.body.appendChild(frame);
      }),
    `${world.attacker.url}/frame.html`,
  );
  const attacker = driver.frame('#attacker');
  expect(await attacker.run(() => window.origin, undefined)).toBe(world.attacker.url);
  let attempts = 0;
  for (const withPort of [false, true]) {
    attempts += await attacker.run(
      ([p, port]) => (window as unknown as { __forge(w: string, p: unknown[], port: boolean): number }).__forge('parent', p, port),
      [payloads, withPort] as const,
    );
  }
  attempts += await driver.page.run((p) => {
    for (const message of p) {
      window.postMessage(message, '*');
      window.postMessage(message, window.location.origin, [new MessageChannel().port2]);
    }
    return p.length * 2;
  }, payloads);
  await driver.page.run(() => new Promise((done) => setTimeout(done, 300)), undefined);
  const accepted = (await merchantLog(driver)).filter((e) => e.kind !== 'event');
  console.log(`[attacks] ${engine} forged results (third-origin frame, merchant window): ${attempts} attempts, ${accepted.length} accepted`);
  expect(attempts).toBeGreaterThan(50);
  expect(accepted).toEqual([]);

  await verifyPhone(driver, '2015550140');
  await createWallet(driver, 'Eli');
  await chooseAmount(driver, '10.00');
  await payWithCard(driver);
  const result = await terminal(driver);
  expect(result.kind).toBe('success');
  expect(String(result.payload.connectionId)).toMatch(/^conn_/);
  expect(result.payload.connectionId).not.toBe('conn_forged');
  expect((await merchantLog(driver)).filter((e) => e.kind !== 'event')).toHaveLength(1);
});

for (const policy of ['', 'no-referrer'] as const) {
  test(`the merchant page framed by another site${policy ? ` that hides its origin (referrerpolicy ${policy})` : ''}: the checkout refuses (origin_mismatch)`, async ({
    driver,
    world,
  }) => {
    await driver.goto(`${world.attacker.url}/`);
    await driver.page.run(
      ([src, referrer]) =>
        new Promise<void>((done) => {
          const frame = document.createElement('iframe');
          frame.id = 'merchant';
          frame.style.width = '800px';
          frame.style.height = '600px';
          if (referrer) frame.referrerPolicy = referrer as ReferrerPolicy;
          frame.src = src;
          frame.onload = () => done();
          document.body.appendChild(frame);
        }),
      [`${world.merchant.url}/`, policy] as const,
    );
    const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
    const merchant = driver.frame('#merchant');
    await merchant.run((token) => (window as unknown as { openCheckout(t: string): void }).openCheckout(token), session.token);
    const events = await waitFor('the checkout to refuse', async () => {
      const log = await merchant.run(() => (window as unknown as { __log: Array<{ kind: string; payload: Record<string, unknown> }> }).__log, undefined);
      return log.some((e) => e.payload.code === 'origin_mismatch') ? log : null;
    });
    expect(events.filter((e) => e.kind === 'success')).toEqual([]);
    await expectText(checkout(driver, '#merchant'), /not created for/);
  });
}
