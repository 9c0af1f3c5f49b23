import type { Browser } from '@playwright/test';
import { startTestSandbox } from '../test/e2e/support/sandbox';
import type { PaymentProcessor } from '../src/sandbox/payments/processor';

export interface ChunkLoad {
  file: string;
  /** When it was requested: before the phone field was ready, while it was shown, or after the code was sent. */
  phase: 'first paint' | 'phone step' | 'after send code';
  /** ms after open(). */
  requestedAt: number;
}

export interface ChunkTiming {
  /** Every checkout-app JS file and Stripe.js request during open -> phone -> code step, in order. */
  loads: ChunkLoad[];
  /** ms after open(): phone field focused; code step shown. */
  phoneReadyAt: number;
  codeStepAt: number;
  /** When Stripe.js itself (js.stripe.com) was first requested, if it was. */
  stripeJsPhase: ChunkLoad['phase'] | 'not loaded';
}

/** A processor that says "Stripe" so the app takes its Stripe path; the run ends before any payment. */
const fakeStripe: PaymentProcessor & { publishableKey: string } = {
  kind: 'stripe',
  publishableKey: 'pk_test_bench',
  charge: async () => ({ status: 'failed', code: 'card_declined', message: 'benchmark processor' }),
};

/**
 * Open the real checkout (Stripe processor) from the SDK merchant page, send a code, and record
 * which JS is fetched in which phase. js.stripe.com answers an empty script (no network here).
 */
export async function measureChunkTiming(browser: Browser, merchantUrl: string): Promise<ChunkTiming> {
  const sandbox = await startTestSandbox({ processor: fakeStripe });
  const context = await browser.newContext();
  try {
    await context.route('https://js.stripe.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    const page = await context.newPage();
    await page.goto(`${merchantUrl}/`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
    const { token } = await sandbox.createSession({ origin: merchantUrl });
    let phase: ChunkLoad['phase'] = 'first paint';
    let t0 = Date.now();
    const loads: ChunkLoad[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (/\/checkout-app\/.*\.js$/.test(url) || url.startsWith('https://js.stripe.com/')) {
        loads.push({ file: url.replace(/^.*\/checkout-app\//, ''), phase, requestedAt: Date.now() - t0 });
      }
    });
    t0 = Date.now();
    await page.evaluate((t) => (window as unknown as { benchOpen(t: string): number }).benchOpen(t), token);
    const frame = page.frameLocator('iframe[title="Lava checkout"]');
    const phone = frame.locator('input[type="tel"]');
    await phone.waitFor({ timeout: 20_000 });
    await frame.locator('input[type="tel"]:focus').waitFor({ timeout: 20_000 });
    const phoneReadyAt = Date.now() - t0;
    phase = 'phone step';
    // Give idle-time prefetches a chance to show up before the customer acts.
    await page.waitForTimeout(1000);
    await phone.fill('2015550100');
    phase = 'after send code';
    await phone.press('Enter');
    await frame.locator('input[autocomplete="one-time-code"]').waitFor({ timeout: 20_000 });
    const codeStepAt = Date.now() - t0;
    await page.waitForTimeout(1500);
    return {
      loads,
      phoneReadyAt,
      codeStepAt,
      stripeJsPhase: loads.find((l) => l.file.startsWith('https://js.stripe.com/'))?.phase ?? 'not loaded',
    };
  } finally {
    await context.close();
    await sandbox.close();
  }
}
