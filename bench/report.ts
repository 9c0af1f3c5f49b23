import type { AppFirstLoad } from './app-size';
import type { ChunkTiming } from './chunk-timing';
import type { CyclesResult } from './cycles';
import type { EnginesResult } from './engines';
import type { LocalizationResult } from './localization';
import type { OpenLatency } from './open-latency';
import type { SdkSize } from './sdk-size';
import type { SlowLinkResult } from './slow-link';
import type { Summary } from './stats';
import type { ThroughputResult } from './throughput';

export interface BenchResult {
  date: string;
  machine: {
    cores: number;
    cpu: string;
    memoryGb: number;
    node: string;
    chromium: string;
    loadAverage1m: { before: number; after: number };
  };
  build: string;
  open: OpenLatency;
  app: AppFirstLoad & { chunks: ChunkTiming };
  sdk: SdkSize[];
  cycles: CyclesResult;
  throughput: ThroughputResult;
  /** Open latency per engine (absent with --engine-runs 0 and in results before 2026-11-30). */
  engines?: EnginesResult;
  /** Open latency with the checkout origin behind shaped links (absent before 2026-11-30 and with --link-runs 0). */
  slowLinks?: SlowLinkResult[];
  /** Localization's cost on loopback (absent before 2026-11-30 and with --l10n-runs 0). */
  localization?: LocalizationResult;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (s: Summary) => `${s.median} ms (p25 ${s.p25}, p75 ${s.p75}; min ${s.min}, max ${s.max})`;
const hit = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The per-engine section: one row per engine, each variant's median with its p75 and when the field was ready. */
function formatEngines(e: EnginesResult): string[] {
  const lines = ['', `Open -> phone field ready for typing, per engine (${e.runs} runs per engine and variant, cold and preloaded interleaved across engines after one discarded warm-up round, fresh browser state per run):`, ''];
  const cell = (interactive: Summary, ready: Summary) => (interactive.n === 0 ? 'no timed run' : `${interactive.median} ms (p75 ${interactive.p75}; ready at ${ready.median})`);
  lines.push('| engine | preloaded: median (p75) | cold: median (p75) | / Chromium: preloaded, cold | runs timed (not timed) |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const x of e.engines) {
    const over = x.overChromium ? `${x.overChromium.preloaded}x, ${x.overChromium.cold}x` : '-';
    const failed = x.failed.preloaded.length + x.failed.cold.length;
    lines.push(`| ${x.description} | ${cell(x.interactive.preloaded, x.ready.preloaded)} | ${cell(x.interactive.cold, x.ready.cold)} | ${over} | ${x.interactive.preloaded.n} + ${x.interactive.cold.n} (${failed}) |`);
  }
  lines.push('');
  lines.push(
    'Times run from open() to the next task after the field was ready for typing; "ready" is the field drawn (in the document with a box) while the frame\'s document has focus with the field, or nothing, focused ' +
      '(WebKit lets a cross-origin frame focus its field only once the customer acts in it: the first key typed moves focus there). ' +
      'One probe in every engine, served first in the checkout page; t0 is taken in the merchant page right before open().',
  );
  for (const x of e.engines) {
    for (const [variant, messages] of Object.entries(x.failed)) {
      if (messages.length > 0) lines.push('', `Not timed, ${x.engine} ${variant} (${messages.length}, warm-up round included): ${messages.map((m) => m.slice(0, 300)).join('; ')}`);
    }
  }
  for (const s of e.skipped) lines.push('', `Not measured: ${s.engine}, ${s.reason}.`);
  return lines;
}

/** The slow-link section: per link, each way's median, what it is in round trips, and what a cold open moved. */
function formatSlowLinks(links: SlowLinkResult[]): string[] {
  const lines = ['', 'Open -> phone field focused and interactive with the checkout origin behind a shaped link (a TCP proxy: every byte pays half the round trip each way and its direction\'s bandwidth, every new connection one round trip for its handshake; no TLS, so a floor for HTTPS). The merchant page stays on loopback; the three ways interleave, fresh browser context per run:', ''];
  lines.push('| link (round trip, down, up) | way | median (spread) | round trips (median / RTT) | target |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const link of links) {
    const { rttMs, downKbps, upKbps } = link.shape;
    const name = `${rttMs} ms, ${downKbps / 1000} Mbit/s, ${upKbps / 1000} Mbit/s (${link.open.runs} runs${link.app ? `; app from ${link.app}` : ''})`;
    const target = rttMs === 150 ? `<= 600 ms: ${hit(link.open.interactive.cold.median <= 600)}` : '';
    lines.push(`| ${name} | our SDK, preloaded | ${ms(link.open.interactive.preloaded)} | ${link.roundTrips.preloaded} | |`);
    lines.push(`| | our SDK, cold | ${ms(link.open.interactive.cold)} | ${link.roundTrips.cold} | ${target} |`);
    lines.push(`| | published 0.1.3 hook, cold | ${ms(link.open.interactive.legacy013)} | ${link.roundTrips.legacy013} | |`);
  }
  lines.push('');
  for (const link of links) {
    const t = link.coldTraffic;
    lines.push(`One cold open of ours over the ${link.shape.rttMs} ms link${link.app ? ` (app from ${link.app})` : ''}: ${t.connections} connections, ${kb(t.downBytes)} down, ${kb(t.upBytes)} up (until the phone field was ready).`);
    const failed = Object.entries(link.open.failed).filter(([, m]) => m.length > 0);
    if (failed.length > 0) lines.push(`Not timed on the ${link.shape.rttMs} ms link: ${failed.map(([v, m]) => `${v} ${m.length}`).join(', ')}.`);
  }
  return lines;
}

/** The localization section: each way's median, its ratio to the build before (or to English), first-load bytes. */
function formatLocalization(l: LocalizationResult): string[] {
  const lines = ['', `Localization on loopback (${l.runs} runs per way, interleaved after one discarded warm-up round, fresh browser context per run; a German open is a browser in German opening with locale "de", counted once the field is focused and <html lang> says German)${l.before ? `, against the build before localization from ${l.before}` : ''}:`, ''];
  lines.push('| way | median (spread) |');
  lines.push('| --- | --- |');
  for (const [way, summary] of Object.entries(l.interactive)) lines.push(`| ${way} | ${summary.n === 0 ? 'no timed run' : ms(summary)} |`);
  lines.push('');
  lines.push(`Ratios of medians (same run; target <= 1.10 for this build over the one before): ${Object.entries(l.ratios).map(([name, ratio]) => `${name} = **${ratio}x**${l.before ? ` (${hit(ratio <= 1.1)})` : ''}`).join('; ')}.`);
  lines.push('');
  const { current, before, growth } = l.firstLoad;
  lines.push(
    `First-load JS: ${kb(current)} gzip${before === undefined ? '' : ` (before localization ${kb(before)}; ${growth! >= 0 ? '+' : ''}${growth} B, target <= +2000 B: ${hit(growth! <= 2000)})`}` +
      `${l.catalog ? `; the German catalog, fetched alongside /api/flow/start, ${kb(l.catalog.gzip)} gzip (${l.catalog.file})` : ''}.`,
  );
  const failed = Object.entries(l.failed).filter(([, m]) => m.length > 0);
  if (failed.length > 0) lines.push('', `Not timed (warm-up round included): ${failed.map(([w, m]) => `${w} ${m.length}: ${m[0]!.slice(0, 200)}`).join('; ')}.`);
  return lines;
}

/** The Markdown report (what goes in the README). */
export function formatReport(r: BenchResult): string {
  const { open, app, cycles, throughput: tp } = r;
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`### Benchmark ${r.date.slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, Chromium ${m.chromium}; ` +
      `1-min load average ${m.loadAverage1m.before} before / ${m.loadAverage1m.after} after.`,
  );
  lines.push('');
  lines.push(`Open -> phone field focused and interactive (${open.runs} runs each, interleaved, fresh browser context per run):`);
  lines.push('');
  lines.push('| way | median (spread) | target |');
  lines.push('| --- | --- | --- |');
  lines.push(`| our SDK, preloaded | ${ms(open.interactive.preloaded)} | <= 50 ms: ${hit(open.interactive.preloaded.median <= 50)} |`);
  lines.push(`| our SDK, cold | ${ms(open.interactive.cold)} | <= 400 ms: ${hit(open.interactive.cold.median <= 400)} |`);
  lines.push(`| published 0.1.3 hook, cold | ${ms(open.interactive.legacy013)} | |`);
  const failures = Object.entries(open.failed ?? {}).filter(([, messages]) => messages.length > 0);
  if (failures.length > 0) {
    lines.push('');
    lines.push(`Runs that never showed the field focused and interactive (left out of the times): ${failures.map(([v, m]) => `${v} ${m.length}`).join(', ')}.`);
  }
  lines.push('');
  lines.push(
    `Ratios of medians (same run), target >= 3x faster than 0.1.3 cold: 0.1.3 cold / ours preloaded = **${open.ratios.legacyOverPreloaded}x** ` +
      `(${hit(open.ratios.legacyOverPreloaded >= 3)}); 0.1.3 cold / ours cold = **${open.ratios.legacyOverCold}x** (${hit(open.ratios.legacyOverCold >= 3)}); ` +
      `ours cold / preloaded = ${open.ratios.coldOverPreloaded}x.`,
  );
  lines.push('');
  lines.push('Where the time goes (median ms after open(); "-" = before open):');
  lines.push('');
  const phaseNames = Object.keys(open.phases.cold) as Array<keyof OpenLatency['phases']['cold']>;
  lines.push(`| way | ${phaseNames.join(' | ')} |`);
  lines.push(`| --- |${phaseNames.map(() => ' --- |').join('')}`);
  for (const v of ['preloaded', 'cold', 'legacy013'] as const) {
    lines.push(`| ${v} | ${phaseNames.map((p) => (Number.isNaN(open.phases[v][p]) || open.phases[v][p] === null ? '-' : open.phases[v][p])).join(' | ')} |`);
  }
  if (r.engines) lines.push(...formatEngines(r.engines));
  if (r.slowLinks) lines.push(...formatSlowLinks(r.slowLinks));
  if (r.localization) lines.push(...formatLocalization(r.localization));
  lines.push('');
  lines.push('Sizes:');
  lines.push('');
  lines.push('| what | size | target |');
  lines.push('| --- | --- | --- |');
  lines.push(
    `| checkout app first-load JS (${app.firstLoad.map((a) => a.file).join(', ')}) | ${kb(app.firstLoadGzip)} gzip | <= 110 kB: ${hit(app.firstLoadGzip <= 110_000)} |`,
  );
  if (app.firstPaintBrotli) lines.push(`| first paint on the wire (page with its stylesheet + first-load JS, brotli as served) | ${kb(app.firstPaintBrotli)} | |`);
  for (const chunk of app.lazy) {
    const when = app.chunks.loads.find((l) => l.file === chunk.file)?.phase ?? 'not loaded before the code step';
    lines.push(`| lazy chunk ${chunk.file} | ${kb(chunk.gzip)} gzip | requested: ${when} |`);
  }
  lines.push(`| Stripe.js (js.stripe.com) | - | requested: ${app.chunks.stripeJsPhase} |`);
  for (const s of r.sdk) lines.push(`| host SDK ${s.name} | ${s.kb.toFixed(3)} kB min+gzip | <= ${s.budget} kB: ${hit(s.ok)} |`);
  lines.push('');
  lines.push(`${cycles.cycles} open/close cycles (real checkout, our vanilla SDK, one page):`);
  lines.push('');
  lines.push('| measure | value | target |');
  lines.push('| --- | --- | --- |');
  lines.push(`| cycles that reached ready then cancel | ${cycles.completed} / ${cycles.cycles} | all |`);
  lines.push(`| iframes left | ${cycles.iframesLeft} | 0: ${hit(cycles.iframesLeft === 0)} |`);
  const leftover = cycles.listenersAfter.global - cycles.listenersBefore.global;
  lines.push(
    `| message listeners left / window+document listeners added | ${cycles.listenersAfter.message} / ${leftover} | 0: ${hit(cycles.listenersAfter.message === 0 && leftover === 0)} |`,
  );
  lines.push(
    `| JS heap after GC: before -> after | ${kb(cycles.heapBefore)} -> ${kb(cycles.heapAfter)} (${cycles.heapGrowth >= 0 ? '+' : ''}${kb(cycles.heapGrowth)}) | growth < 1 MB: ${hit(cycles.heapGrowth < 1_000_000)} |`,
  );
  lines.push('');
  lines.push(
    `Sandbox throughput (built sandbox in its own process with a file database, as npm run sandbox runs it; ${tp.clients} concurrent clients on loopback, ${tp.seconds} s): ` +
      `**${tp.checkoutsPerSecond} complete checkouts/s** (${tp.checkouts} done, ${tp.failed} failed; target >= 50: ${hit(tp.checkoutsPerSecond >= 50)}).`,
  );
  lines.push('');
  lines.push(
    `Sandbox CPU time per complete checkout: ${tp.serverCpuMsPerCheckout} ms (load-independent; one free core would sustain about ` +
      `${Math.round(1000 / tp.serverCpuMsPerCheckout)} checkouts/s).`,
  );
  lines.push('');
  lines.push('| route | calls | p50 ms | p99 ms | p99 < 100 ms |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const route of tp.routes) lines.push(`| ${route.route} | ${route.calls} | ${route.p50} | ${route.p99} | ${hit(route.p99 < 100)} |`);
  if (tp.firstError) lines.push('', `First failure: ${tp.firstError}`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}
