import type { Browser } from '@playwright/test';
import { startTestSandbox, type TestSandbox } from '../test/e2e/support/sandbox';
import { appFirstLoad, type AssetSize } from './app-size';
import { openOnce, type OpenPages } from './open-latency';
import { type Summary, summarize } from './stats';

/** One way to open, measured on loopback: which build of the checkout app, which locale, preloaded or cold. */
interface Way {
  name: string;
  build: 'current' | 'before';
  locale?: string;
  variant: 'preloaded' | 'cold';
}

export interface LocalizationResult {
  runs: number;
  /** The other build (--compare-app), when one was given. */
  before?: string;
  /** open() -> phone field focused, interactive and in the way's language (ms), per way. */
  interactive: Record<string, Summary>;
  /** Median of a way over the same variant of the build before localization (or of English, without one). */
  ratios: Record<string, number>;
  firstLoad: { current: number; before?: number; growth?: number };
  /** The catalog chunk a German checkout loads besides the first-load JS. */
  catalog?: AssetSize;
  failed: Record<string, string[]>;
}

/** The locale other than English that the rows measure: its catalog is a chunk of its own. */
const LOCALE = 'de';

/**
 * Localization's cost on loopback, in one run: the current build opened in English and in German,
 * preloaded and cold, and the build before localization (another dist/checkout-app, --compare-app)
 * the same two ways, all interleaved round by round after a discarded warm-up round. A German row
 * is a German customer (the browser's language and the `locale` option both German) and counts an
 * open done when the field is focused and `<html lang>` says German (the catalog drawn), so a
 * frame that shows English first is charged until German is on screen.
 */
export async function measureLocalization(browser: Browser, pages: OpenPages, runs: number, beforeDir?: string): Promise<LocalizationResult> {
  const ways: Way[] = [
    { name: 'en, preloaded', build: 'current', variant: 'preloaded' },
    { name: 'en, cold', build: 'current', variant: 'cold' },
    { name: `${LOCALE}, preloaded`, build: 'current', locale: LOCALE, variant: 'preloaded' },
    { name: `${LOCALE}, cold`, build: 'current', locale: LOCALE, variant: 'cold' },
    ...(beforeDir
      ? ([
          { name: 'before localization, preloaded', build: 'before', variant: 'preloaded' },
          { name: 'before localization, cold', build: 'before', variant: 'cold' },
        ] satisfies Way[])
      : []),
  ];
  const sandboxes: Partial<Record<Way['build'], TestSandbox>> = {};
  try {
    sandboxes.current = await startTestSandbox();
    if (beforeDir) sandboxes.before = await startTestSandbox({ staticDir: beforeDir });
    const samples: Record<string, number[]> = Object.fromEntries(ways.map((w) => [w.name, []]));
    const failed: Record<string, string[]> = Object.fromEntries(ways.map((w) => [w.name, []]));
    for (let round = -1; round < runs; round++) {
      for (const way of ways) {
        const sample = await openOnce(browser, sandboxes[way.build]!, pages, way.variant, way.locale).catch((error: Error) => {
          failed[way.name]!.push(error.message);
          return null;
        });
        if (round >= 0 && sample) samples[way.name]!.push(sample.interactive);
      }
    }
    const interactive = Object.fromEntries(ways.map((w) => [w.name, summarize(samples[w.name]!)]));
    const baseline = (way: Way) => (beforeDir ? `before localization, ${way.variant}` : `en, ${way.variant}`);
    const ratios = Object.fromEntries(
      ways
        .filter((w) => w.build === 'current' && baseline(w) !== w.name)
        .map((w) => [`${w.name} / ${baseline(w)}`, Math.round((interactive[w.name]!.median / interactive[baseline(w)]!.median) * 100) / 100]),
    );
    const current = appFirstLoad();
    const before = beforeDir ? appFirstLoad(beforeDir).firstLoadGzip : undefined;
    return {
      runs,
      before: beforeDir,
      interactive,
      ratios,
      firstLoad: {
        current: current.firstLoadGzip,
        before,
        growth: before === undefined ? undefined : current.firstLoadGzip - before,
      },
      catalog: current.lazy.find((chunk) => new RegExp(`^assets/${LOCALE}-[\\w-]+\\.js$`).test(chunk.file)),
      failed,
    };
  } finally {
    await sandboxes.current?.close();
    await sandboxes.before?.close();
  }
}
