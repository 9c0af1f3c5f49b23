import type { Browser, Frame, Page } from '@playwright/test';
import type { TestSandbox } from '../test/e2e/support/sandbox';
import { FRAME_MILESTONES, FRAME_PROBE, type FrameMilestones, type ProbeState } from './probe';
import { type Summary, summarize } from './stats';

export type OpenVariant = 'preloaded' | 'cold' | 'legacy013';

export interface OpenPages {
  /** Merchant page on our vanilla SDK, e.g. http://localhost:1234 */
  sdk: string;
  /** Merchant page bundling React and the published 0.1.3 hook. */
  legacy: string;
}

export interface OpenLatency {
  runs: number;
  /** open() -> phone input focused and the next task ran, per variant (ms). */
  interactive: Record<OpenVariant, Summary>;
  /** open() -> phone input focused (ms). */
  focused: Record<OpenVariant, Summary>;
  /** Median ms after open() of each milestone, per variant. */
  phases: Record<OpenVariant, Record<keyof Phases, number>>;
  ratios: { legacyOverCold: number; legacyOverPreloaded: number; coldOverPreloaded: number };
  /** Runs that never showed the phone field focused and interactive (within 20 s), per variant: reported, not timed. */
  failed: Record<OpenVariant, string[]>;
}

/** Where the time goes: ms after open() at which each milestone happened (NaN: before open). */
export interface Phases {
  frameNavigation: number;
  htmlEnd: number;
  appScriptEnd: number;
  domContentLoaded: number;
  startApiEnd: number;
  appFirstRender: number;
  phoneFocused: number;
}
const PHASES: Array<keyof Phases> = ['frameNavigation', 'htmlEnd', 'appScriptEnd', 'domContentLoaded', 'appFirstRender', 'startApiEnd', 'phoneFocused'];

const CHECKOUT_FRAME = /\/embed\/checkout(\/|$)/;
const BOUND_MS = 20_000;
const POLL_MS = 100;

/**
 * Wait until a checkout frame's probe satisfies `done`. Frames are looked up again on every poll:
 * a cross-origin iframe changes process when it navigates, and an early Frame handle goes stale.
 */
async function waitForProbe(page: Page, done: (state: ProbeState) => boolean): Promise<{ frame: Frame; state: ProbeState }> {
  const deadline = Date.now() + BOUND_MS;
  let last: ProbeState | undefined;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !CHECKOUT_FRAME.test(frame.url())) continue;
      const state = await probe(frame).catch(() => undefined);
      if (state && done(state)) return { frame, state };
      last = state ?? last;
    }
    if (Date.now() > deadline) throw new Error(`the checkout frame did not reach the expected state (last probe: ${JSON.stringify(last)})`);
    // The probe in the frame takes the times; this poll only collects them. Every poll is a
    // task in the measured frame, so it polls sparingly (every 10 ms added ~50 ms to a cold open).
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

const probe = (frame: Frame) =>
  frame.evaluate(() => {
    const state = (window as unknown as { __bench?: ProbeState }).__bench;
    // Interactive counts only while the phone input still has focus.
    const active = document.activeElement;
    const seen = { heading: document.querySelector('h1')?.textContent ?? null, active: active ? `${active.tagName}:${active.getAttribute('type') ?? ''}` : null };
    return state && { ...state, ...seen, phoneFocused: active?.matches('input[type="tel"]') ?? false };
  });

/**
 * One open in a fresh browser context (empty HTTP cache): ms from open() to the focused phone
 * field. With a locale (the open option, and the browser's language, as a customer whose
 * browser speaks it), the field counts once it is also drawn in that language: the later of the
 * focus's next task and the moment `<html lang>` took the locale.
 */
export async function openOnce(browser: Browser, sandbox: TestSandbox, pages: OpenPages, variant: OpenVariant, locale?: string) {
  const context = await browser.newContext(locale ? { locale } : {});
  try {
    await context.addInitScript(FRAME_PROBE);
    const page = await context.newPage();
    const origin = variant === 'legacy013' ? pages.legacy : pages.sdk;
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: BOUND_MS });
    const { token } = await sandbox.createSession({ origin });
    if (variant === 'preloaded') {
      await page.evaluate((base) => (window as unknown as { benchPreload(b: string): void }).benchPreload(base), sandbox.base);
      await waitForProbe(page, (state) => state.connectedAt !== undefined);
      // Let the warm app settle, as it would while the customer reads the page.
      await page.waitForTimeout(300);
    }
    const t0 = await page.evaluate(
      ([t, l]) => (window as unknown as { benchOpen(t: string, l?: string): number }).benchOpen(t, l),
      [token, locale] as const,
    );
    const { frame, state } = await waitForProbe(
      page,
      (s) => s.interactiveAt !== undefined && s.phoneFocused === true && (locale === undefined || s.langAt?.[locale] !== undefined),
    );
    const shownAt = locale === undefined ? state.interactiveAt! : Math.max(state.interactiveAt!, state.langAt![locale]!);
    const marks = (await frame.evaluate(FRAME_MILESTONES)) as FrameMilestones;
    const since = (t: number | undefined) => (t === undefined ? Number.NaN : t - t0);
    const phases: Phases = {
      frameNavigation: variant === 'preloaded' ? Number.NaN : since(marks.navigationStart),
      htmlEnd: variant === 'preloaded' ? Number.NaN : since(marks.htmlEnd),
      appScriptEnd: variant === 'preloaded' ? Number.NaN : since(marks.appScriptEnd),
      domContentLoaded: variant === 'preloaded' ? Number.NaN : since(marks.domContentLoaded),
      startApiEnd: since(marks.startApiEnd),
      appFirstRender: variant === 'preloaded' ? Number.NaN : since(state.renderedAt),
      phoneFocused: since(state.focusedAt),
    };
    return { interactive: shownAt - t0, focused: state.focusedAt! - t0, phases };
  } finally {
    await context.close();
  }
}

const VARIANTS: OpenVariant[] = ['preloaded', 'cold', 'legacy013'];

/** Round-robin over the three variants (so drift hits all of them alike), after one discarded warm-up round. */
export async function measureOpenLatency(browser: Browser, sandbox: TestSandbox, pages: OpenPages, runs: number): Promise<OpenLatency> {
  const interactive: Record<OpenVariant, number[]> = { preloaded: [], cold: [], legacy013: [] };
  const focused: Record<OpenVariant, number[]> = { preloaded: [], cold: [], legacy013: [] };
  const phases: Record<OpenVariant, Phases[]> = { preloaded: [], cold: [], legacy013: [] };
  const failed: Record<OpenVariant, string[]> = { preloaded: [], cold: [], legacy013: [] };
  for (let round = -1; round < runs; round++) {
    for (const variant of VARIANTS) {
      const sample = await openOnce(browser, sandbox, pages, variant).catch((error: Error) => {
        failed[variant].push(error.message);
        return null;
      });
      if (round < 0 || !sample) continue;
      interactive[variant].push(sample.interactive);
      focused[variant].push(sample.focused);
      phases[variant].push(sample.phases);
    }
  }
  const byVariant = (samples: Record<OpenVariant, number[]>) =>
    Object.fromEntries(VARIANTS.map((v) => [v, summarize(samples[v])])) as Record<OpenVariant, Summary>;
  const result = byVariant(interactive);
  const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
  return {
    runs,
    interactive: result,
    focused: byVariant(focused),
    phases: Object.fromEntries(
      VARIANTS.map((v) => [
        v,
        Object.fromEntries(PHASES.map((p) => [p, summarize(phases[v].map((x) => x[p]).filter((x) => !Number.isNaN(x))).median])),
      ]),
    ) as Record<OpenVariant, Record<keyof Phases, number>>,
    ratios: {
      legacyOverCold: ratio(result.legacy013.median, result.cold.median),
      legacyOverPreloaded: ratio(result.legacy013.median, result.preloaded.median),
      coldOverPreloaded: ratio(result.cold.median, result.preloaded.median),
    },
    failed,
  };
}
