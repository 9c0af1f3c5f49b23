// `npm run bench`: builds what it needs, measures open latency (ours preloaded / cold vs the
// published 0.1.3 hook), checkout-app and SDK sizes, 100 open/close cycles and sandbox
// throughput, and open latency per engine (Chromium, Firefox, WebKit); prints a table and writes
// bench/results/<date>.json and latest.json.
// Options: --runs N (open runs per variant, default 20), --cycles N (default 100),
// --seconds N (throughput time bound, default 20), --engine-runs N (per engine and variant,
// default 10; 0 leaves the section out), --engines chromium,firefox,webkit (an engine that is not
// installed is skipped, with the reason in the report), --links 150/1600/750,40/10000/5000 (the
// shaped links the checkout origin sits behind: round trip ms / down kbit/s / up kbit/s),
// --link-runs N (per link and way, default 10; 0 leaves the section out), --compare-app DIR (also
// measure the links with another build of the checkout app, e.g. the previous release's, and
// compare it with this build on loopback in the localization rows), --l10n-runs N (localization
// rows: this build in English and German, and the --compare-app build, per way; default 15; 0
// leaves the section out), --no-build.
// Environment: CHROME_PATH (default /usr/bin/chromium), FIREFOX_PATH, WEBKIT_MINIBROWSER (as the
// engine flows take them); BENCH_SANDBOX_SCRIPT and BENCH_SANDBOX_NODE_ARGS (e.g. "--cpu-prof")
// replace or profile the throughput sandbox process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from '../test/engines/driver/driver';
import { appFirstLoad } from './app-size';
import { launchBrowser } from './browser';
import { buildLegacyPage, ensureBuilt, ROOT } from './build';
import { measureChunkTiming } from './chunk-timing';
import { measureCycles } from './cycles';
import { measureEngines } from './engines';
import { measureLocalization } from './localization';
import { measureOpenLatency } from './open-latency';
import { type BenchResult, formatReport } from './report';
import { sdkSizes } from './sdk-size';
import { DEFAULT_LINKS, measureSlowLink, parseLinkShape, type SlowLinkResult } from './slow-link';
import { startBenchServers } from './servers';
import { measureThroughput } from './throughput';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    cycles: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    'engine-runs': { type: 'string', default: '10' },
    engines: { type: 'string', default: ENGINES.join(',') },
    links: { type: 'string', default: DEFAULT_LINKS },
    'link-runs': { type: 'string', default: '10' },
    'compare-app': { type: 'string' },
    'l10n-runs': { type: 'string', default: '15' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const cycles = Number(values.cycles);
const engineRuns = Number(values['engine-runs']);
const links = values.links.split(',').filter(Boolean).map(parseLinkShape);
const linkRuns = Number(values['link-runs']);
const l10nRuns = Number(values['l10n-runs']);
const engines = values.engines.split(',').filter(Boolean) as EngineName[];
const unknown = engines.filter((e) => !ENGINES.includes(e));
if (unknown.length > 0) throw new Error(`--engines: unknown ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const build = values['no-build'] ? 'skipped' : ensureBuilt();
await buildLegacyPage();
const loadBefore = loadavg();
const startedAt = new Date();

log('sizes');
const sdk = sdkSizes();
const app = appFirstLoad();

log('sandbox throughput');
const throughput = await measureThroughput({ clients: 8, maxCheckouts: 2000, maxSeconds: Number(values.seconds), warmup: 16 });

const servers = await startBenchServers();
const browser = await launchBrowser();
let result: BenchResult;
try {
  log(`open latency: ${runs} runs x 3 variants`);
  const open = await measureOpenLatency(browser, servers.sandbox, { sdk: servers.sdk.url, legacy: servers.legacy.url }, runs);
  log('checkout app chunks during open -> code step');
  const chunks = await measureChunkTiming(browser, servers.sdk.url);
  const pages = { sdk: servers.sdk.url, legacy: servers.legacy.url };
  let localization: BenchResult['localization'];
  if (l10nRuns > 0) {
    log(`localization: ${l10nRuns} runs x ${values['compare-app'] ? 6 : 4} ways`);
    localization = await measureLocalization(browser, pages, l10nRuns, values['compare-app']);
  }
  log(`${cycles} open/close cycles`);
  const cycled = await measureCycles(browser, servers.sandbox, servers.sdk.url, cycles);
  const slowLinks: SlowLinkResult[] = [];
  for (const shape of linkRuns > 0 ? links : []) {
    log(`open latency over a ${shape.rttMs} ms / ${shape.downKbps} / ${shape.upKbps} kbit/s link: ${linkRuns} runs x 3 variants`);
    if (values['compare-app']) slowLinks.push(await measureSlowLink(browser, pages, shape, linkRuns, values['compare-app']));
    slowLinks.push(await measureSlowLink(browser, pages, shape, linkRuns));
  }
  log(`open latency per engine: ${engineRuns} runs x 2 variants x ${engines.join(', ')}`);
  const perEngine = engineRuns > 0 ? await measureEngines({ merchant: servers.sdk.url, runs: engineRuns, engines, log }) : undefined;
  result = {
    date: startedAt.toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: browser.version(),
      loadAverage1m: { before: Math.round(loadBefore[0]! * 10) / 10, after: Math.round(loadavg()[0]! * 10) / 10 },
    },
    build,
    open,
    app: { ...app, chunks },
    sdk,
    cycles: cycled,
    throughput,
    engines: perEngine,
    slowLinks: slowLinks.length > 0 ? slowLinks : undefined,
    localization,
  };
} finally {
  await browser.close();
  await servers.close();
}

const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
writeFileSync(join(dir, `${startedAt.toISOString().slice(0, 10)}.json`), json);
writeFileSync(join(dir, 'latest.json'), json);
process.stdout.write(formatReport(result));
