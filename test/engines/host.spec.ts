import { type Driver, waitFor } from './driver/driver';
import { expect, test } from './fixtures';
import { callPage, checkout, CHECKOUT_FRAME, checkoutFrames, createWallet, expectField, focused, merchantLog, terminal, verifyPhone , openNewSession } from './steps';

test.describe.configure({ timeout: 120_000 });

/**
 * The merchant page has the ready event and its focus is on the checkout frame. Read from the
 * top document only: WebKitWebDriver focuses a frame when it switches into it, which would hide
 * whether the page did.
 */
async function checkoutTookFocus(driver: Driver): Promise<void> {
  await waitFor('the ready event', async () => (await merchantLog(driver)).some((e) => e.kind === 'event' && e.payload.type === 'ready'));
  await waitFor('the checkout to have focus', () => driver.page.run((css) => document.activeElement === document.querySelector(css), CHECKOUT_FRAME));
}

/** What the phone field holds. */
function phoneValue(driver: Driver): Promise<string> {
  return checkout(driver).run(() => (document.querySelector('input[type="tel"]') as HTMLInputElement | null)?.value ?? '', undefined);
}

test('opened by a click, the checkout takes focus and what the customer types at once lands in the phone field', async ({ driver, world }) => {
  await openNewSession(driver, world, {}, 'click');
  await checkoutTookFocus(driver);
  // Chromium and Firefox let the frame focus its field; WebKit only once the customer acts in
  // the frame, and then the first key typed moves focus there (keepFirstFocus).
  await driver.keys('2015550133');
  await waitFor('the typed number in the phone field', async () => (await phoneValue(driver)).replace(/\D/g, '') === '2015550133');
  expect((await focused(checkout(driver)))?.label).toBe('Phone number');
  // The overlay covers the visible viewport (position fixed, 100dvh where the engine has dvh).
  const cover = await driver.page.run((css) => {
    const frame = document.querySelector(css)!.getBoundingClientRect();
    return { top: frame.top, left: frame.left, width: frame.width - window.innerWidth, height: frame.height - window.innerHeight };
  }, CHECKOUT_FRAME);
  expect(cover).toEqual({ top: 0, left: 0, width: 0, height: 0 });
});

test("a merchant accent reads in this engine: a yellow accent's buttons get black labels (OffscreenCanvas colour parsing)", async ({ driver, world }) => {
  await driver.goto(`${world.merchant.url}/`);
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  await driver.page.run(
    (token) => (window as unknown as { openCheckout(t: string, o: unknown): void }).openCheckout(token, { appearance: { theme: 'light', accent: '#ffd400' } }),
    session.token,
  );
  await expectField(checkout(driver), 'Phone number');
  const send = await checkout(driver).run(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send code')!;
    const style = getComputedStyle(button);
    return { fill: style.backgroundColor, label: style.color };
  }, undefined);
  expect(send).toEqual({ fill: 'rgb(255, 212, 0)', label: 'rgb(0, 0, 0)' });
});

test('Escape cancels the checkout and focus returns to the button that opened it', async ({ driver, world }) => {
  const session = await openNewSession(driver, world, {}, 'click');
  await checkoutTookFocus(driver);
  await driver.press('Escape');
  const result = await terminal(driver);
  expect(result).toMatchObject({ kind: 'cancel', payload: { checkoutSessionId: session.checkoutSessionId } });
  await waitFor('the overlay to close', async () => (await checkoutFrames(driver)) === 0);
  await waitFor('focus back on the Subscribe button', async () => (await focused(driver.page))?.id === 'subscribe');
});

test('an inline mount follows its content: the frame is as tall as the step, on the phone and wallet steps', async ({ driver, world }) => {
  await openNewSession(driver, world, {}, 'mountCheckout');
  const frame = checkout(driver);
  await expectField(frame, 'Phone number');
  expect(await driver.page.run(() => document.querySelectorAll('[role="dialog"][aria-modal="true"]').length, undefined)).toBe(0);
  await expectFitted();
  await verifyPhone(driver, '2015550130');
  await expectField(frame, 'First name');
  await expectFitted();

  async function expectFitted(): Promise<void> {
    await waitFor('the inline frame to fit its content', async () => {
      const outer = await driver.page.run((css) => document.querySelector(`#inline ${css}`)!.getBoundingClientRect().height, CHECKOUT_FRAME);
      const inner = await frame.run(() => {
        const root = document.documentElement;
        return { height: document.body.getBoundingClientRect().height, scrolls: root.scrollHeight > root.clientHeight + 2 };
      }, undefined);
      return outer > 100 && Math.abs(outer - inner.height) <= 4 && !inner.scrolls;
    });
  }
});

test('a reload after the code step: the same token reopens at the wallet step and goes on', async ({ driver, world }) => {
  const session = await openNewSession(driver, world);
  await verifyPhone(driver, '2015550131');
  await expectField(checkout(driver), 'First name');

  await driver.reload();
  await callPage(driver, 'openCheckout', session.token);
  const frame = checkout(driver);
  await expectField(frame, 'First name');
  expect(await frame.run(() => document.querySelectorAll('input[autocomplete="tel-national"], input[type="tel"]').length, undefined)).toBe(0);
  const first = (await merchantLog(driver)).find((e) => e.kind === 'event' && (e.payload.type === 'ready' || e.payload.type === 'step'));
  expect(first?.payload.step).toBe('wallet');
  await createWallet(driver, 'Dan');
  await expectField(frame, 'Other amount (USD)');
});

test('preload then open: the warm frame is the one opened, it takes focus and typing, and the checkout goes on', async ({ driver, world }) => {
  await driver.goto(`${world.merchant.url}/`);
  // The warm frame loads and draws the phone step before any token exists (watched from the top:
  // WebKitWebDriver would focus the frame by switching into it). The frame's load is caught by a
  // listener on the document in place before the frame exists: one added to the frame once a poll
  // finds it misses a load that came first.
  await driver.page.run((css) => {
    document.addEventListener(
      'load',
      (event) => {
        if (event.target instanceof HTMLIFrameElement && event.target.matches(css)) event.target.dataset.loaded = 'yes';
      },
      true,
    );
  }, CHECKOUT_FRAME);
  await callPage(driver, 'preloadCheckout', world.sandbox.base);
  // Marked as the warm one once loaded: a frame made later (by open) has no mark.
  await waitFor('the warm frame to load', () =>
    driver.page.run((css) => {
      const frame = document.querySelector<HTMLIFrameElement>(css);
      if (frame?.dataset.loaded !== 'yes') return false;
      frame.dataset.warm = 'yes';
      return true;
    }, CHECKOUT_FRAME),
  );
  await driver.page.run(() => new Promise((done) => setTimeout(done, 500)), undefined);
  // Until open, the warm frame is inert: neither Tab nor a script's focus() reaches it.
  await driver.press('Tab');
  expect(await driver.page.run(() => document.activeElement?.id, undefined)).toBe('subscribe');
  const warmTakesFocus = await driver.page.run((css) => {
    (document.querySelector(css) as HTMLIFrameElement).focus();
    return document.activeElement === document.querySelector(css);
  }, CHECKOUT_FRAME);
  expect(warmTakesFocus).toBe(false);
  const session = await world.sandbox.createSession({ origin: world.merchant.url, mode: 'onboarding' });
  await callPage(driver, 'openCheckout', session.token);
  await checkoutTookFocus(driver);
  const frames = await driver.page.run(
    (css) => [...document.querySelectorAll<HTMLIFrameElement>(css)].map((f) => f.dataset.warm ?? 'new'),
    CHECKOUT_FRAME,
  );
  expect(frames).toEqual(['yes']);
  await driver.keys('2015550132');
  await waitFor('the typed number in the phone field', async () => (await phoneValue(driver)).replace(/\D/g, '') === '2015550132');
  await checkout(driver).click({ button: /^Send code$/ });
  await checkout(driver).type({ label: 'Verification code' }, '000000');
  await expectField(checkout(driver), 'First name');
  const ready = (await merchantLog(driver)).find((e) => e.kind === 'event' && e.payload.type === 'ready');
  expect(ready?.payload.step).toBe('phone');
});
