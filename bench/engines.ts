import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../chromium.config';
import { startTestSandbox, type TestSandbox } from '../test/e2e/support/sandbox';
import { type Driver, type EngineName, waitFor } from '../test/engines/driver/driver';
import { firefoxPath } from '../test/engines/driver/firefox';
import { launchDriver } from '../test/engines/driver/launch';
import { miniBrowserPath } from '../test/engines/driver/webkit';
import { probedCheckoutApp } from '../test/engines/page-errors';
import { CHECKOUT_FRAME } from '../test/engines/steps';
import { TYPING_PROBE, type TypingState } from './probe';
import { type Summary, summarize } from './stats';

export type EngineVariant = 'cold' | 'preloaded';
const VARIANTS: EngineVariant[] = ['cold', 'preloaded'];

export interface EngineLatency {
  engine: EngineName;
  /** The driver's description: engine, version and how it is driven. */
  description: string;
  /** open() -> the next task after the phone field became ready for typing (ms). */
  interactive: Record<EngineVariant, Summary>;
  /** open() -> the phone field ready for typing (ms). */
  ready: Record<EngineVariant, Summary>;
  /** This engine's median `interactive` over Chromium's, from the same run (absent without Chromium). */
  overChromium?: Record<EngineVariant, number>;
  /** Runs that were not timed, and why (warm-up round included). */
  failed: Record<EngineVariant, string[]>;
  /** What showed the field ready in the timed runs: the DOM changing or focus moving. */
  seenBy: Record<NonNullable<TypingState['via']>, number>;
}

export interface EnginesResult {
  /** Timed runs per engine and variant. */
  runs: number;
  engines: EngineLatency[];
  /** Engines not measured, and why. */
  skipped: Array<{ engine: EngineName; reason: string }>;
}

const BOUND_MS = 20_000;
// Every poll is a task in the merchant page, which may share a process with the checkout frame
// (see open-latency.ts for what polling often costs): poll sparingly.
const POLL_MS = 100;
const SETTLE_MS = 300;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Why `engine` cannot run here, or null when its browser and driver are installed. */
function notInstalled(engine: EngineName): string | null {
  const found = (command: string) => execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  try {
    if (engine === 'chromium') {
      return existsSync(chromiumLaunchOptions.executablePath) ? null : `${chromiumLaunchOptions.executablePath} not found (apt-get install -y chromium, or set CHROME_PATH)`;
    }
    if (engine === 'firefox') firefoxPath();
    else {
      found('WebKitWebDriver');
      found('xvfb-run');
      miniBrowserPath();
    }
    return null;
  } catch {
    return engine === 'firefox' ? 'firefox-esr not found (apt-get install -y firefox-esr, or set FIREFOX_PATH)' : 'WebKitWebDriver, xvfb-run or MiniBrowser not found (apt-get install -y webkit2gtk-driver xvfb)';
  }
}

/** The engine's driver, or why it is not measured. */
async function start(engine: EngineName): Promise<Driver | string> {
  const missing = notInstalled(engine);
  if (missing) return missing;
  return launchDriver(engine).catch((error: Error) => `did not start: ${error.message}`);
}

interface MerchantPage {
  benchReady?: boolean;
  benchOpen(token: string): number;
  benchPreload(base: string): void;
  /** What the checkout frame's probe posted last. */
  benchTyping?: TypingState;
}

/** Runs in the merchant page: keeps what the checkout frame's probe posts (from `origin` only). */
function collectTyping(origin: string): void {
  addEventListener('message', (event) => {
    if (event.origin === origin && event.data?.benchTyping) (window as unknown as MerchantPage).benchTyping = event.data.benchTyping;
  });
}

/** Runs in the checkout frame, for a run that timed out: what it shows and where focus is. */
function frameState() {
  const active = document.activeElement;
  return {
    heading: document.querySelector('h1')?.textContent ?? null,
    field: document.querySelector('input[type="tel"]') !== null,
    active: active ? `${active.tagName}:${active.getAttribute('type') ?? ''}` : null,
    hasFocus: document.hasFocus(),
  };
}

/**
 * Polls the merchant page every POLL_MS until the probe's record satisfies `done`, for at most
 * BOUND_MS. Never the checkout frame: in WebKit, switching to a frame focuses it. Switching back
 * to the top page is harmless until the host moves focus into the frame, and by then the probe
 * has taken its times.
 */
async function waitForProbe(driver: Driver, done: (state: TypingState) => boolean): Promise<TypingState> {
  const deadline = Date.now() + BOUND_MS;
  for (;;) {
    const state = await driver.page.run(() => (window as unknown as MerchantPage).benchTyping ?? null, undefined);
    if (state && done(state)) return state;
    if (Date.now() > deadline) {
      const frame = await driver.frame(CHECKOUT_FRAME).run(frameState, undefined).catch((error: Error) => error.message);
      throw new Error(`not ready for typing within ${BOUND_MS / 1000} s (probe: ${JSON.stringify(state)}; frame: ${JSON.stringify(frame)})`);
    }
    await sleep(POLL_MS);
  }
}

/** One timed open: ms from open() to the field ready for typing, and to the next task after it. */
interface Sample {
  ready: number;
  interactive: number;
  via: NonNullable<TypingState['via']>;
}

/** One open in a fresh browser state. */
async function once(driver: Driver, sandbox: TestSandbox, merchant: string, variant: EngineVariant): Promise<Sample> {
  await driver.reset();
  await driver.goto(`${merchant}/`);
  await waitFor('the merchant page', () => driver.page.run(() => (window as unknown as MerchantPage).benchReady === true, undefined), BOUND_MS);
  await driver.page.run(collectTyping, sandbox.url);
  const { token } = await sandbox.createSession({ origin: merchant });
  if (variant === 'preloaded') {
    await driver.page.run((base) => (window as unknown as MerchantPage).benchPreload(base), sandbox.base);
    await waitForProbe(driver, (state) => state.connectedAt !== undefined);
    // Let the warm app settle, as it would while the customer reads the page.
    await sleep(SETTLE_MS);
  }
  const t0 = await driver.page.run((t) => (window as unknown as MerchantPage).benchOpen(t), token);
  const state = await waitForProbe(driver, (s) => s.nextTaskAt !== undefined);
  if (state.readyAt! < t0) throw new Error(`ready for typing ${Math.round(t0 - state.readyAt!)} ms before open()`);
  return { ready: state.readyAt! - t0, interactive: state.nextTaskAt! - t0, via: state.via! };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;

/**
 * open() -> phone field ready for typing, cold and preloaded, in every installed engine through
 * the engine flows' driver: one driver per engine, all open at once, runs interleaved across
 * engines and variants (so drift in the machine's load hits them alike) after one discarded
 * warm-up round, a fresh browser state per run. The checkout frame is served with TYPING_PROBE
 * first by a sandbox of its own; the merchant page is the bench's (`merchant`).
 */
export async function measureEngines(options: {
  merchant: string;
  runs: number;
  engines: readonly EngineName[];
  log(line: string): void;
}): Promise<EnginesResult> {
  const { merchant, runs, log } = options;
  const skipped: EnginesResult['skipped'] = [];
  const drivers: Driver[] = [];
  const app = probedCheckoutApp();
  writeFileSync(join(app.dir, 'probe.js'), TYPING_PROBE);
  const sandbox = await startTestSandbox({ staticDir: app.dir });
  try {
    for (const engine of options.engines) {
      const driver = await start(engine);
      if (typeof driver === 'string') {
        skipped.push({ engine, reason: driver });
        log(`${engine}: not measured (${driver})`);
        continue;
      }
      log(driver.description);
      drivers.push(driver);
    }
    const samples = new Map(drivers.map((d) => [d, { cold: [], preloaded: [] } as Record<EngineVariant, Sample[]>]));
    const failed = new Map(drivers.map((d) => [d, { cold: [], preloaded: [] } as Record<EngineVariant, string[]>]));
    for (let round = -1; round < runs; round++) {
      for (const driver of drivers) {
        for (const variant of VARIANTS) {
          const sample = await once(driver, sandbox, merchant, variant).catch((error: Error) => {
            failed.get(driver)![variant].push(error.message);
            log(`${driver.engine} ${variant}: ${error.message}`);
            return null;
          });
          if (round >= 0 && sample) samples.get(driver)![variant].push(sample);
        }
      }
    }
    const engines = drivers.map((driver): EngineLatency => {
      const mine = samples.get(driver)!;
      const timed = [...mine.cold, ...mine.preloaded];
      const by = (pick: (s: Sample) => number) => ({ cold: summarize(mine.cold.map(pick)), preloaded: summarize(mine.preloaded.map(pick)) });
      const count = (via: Sample['via']) => timed.filter((s) => s.via === via).length;
      return {
        engine: driver.engine,
        description: driver.description,
        interactive: by((s) => s.interactive),
        ready: by((s) => s.ready),
        failed: failed.get(driver)!,
        seenBy: { dom: count('dom'), focus: count('focus') },
      };
    });
    const chromium = engines.find((e) => e.engine === 'chromium');
    for (const e of engines) {
      if (chromium) e.overChromium = { cold: ratio(e.interactive.cold.median, chromium.interactive.cold.median), preloaded: ratio(e.interactive.preloaded.median, chromium.interactive.preloaded.median) };
    }
    return { runs, engines, skipped };
  } finally {
    for (const driver of drivers) await driver.close().catch(() => undefined);
    await sandbox.close();
    app.remove();
  }
}
