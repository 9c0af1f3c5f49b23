import { test as base, type Browser, type BrowserContext, type ConsoleMessage, expect, type Frame, type Page, type WebError } from '@playwright/test';

/*
 * Every end-to-end test fails on an uncaught error (an exception or an unhandled rejection) or a
 * console.error in any page of its browser contexts, in any frame: the merchant page, the
 * cross-origin checkout iframe (an out-of-process frame in Chromium), a popup. A test that
 * provokes one on purpose declares it with expectPageError(); nothing is allowed globally.
 *
 * Playwright's context-wide `weberror` and `console` events already carry what happens in
 * out-of-process frames and in later pages, so they are what is counted. They do not say which
 * frame an uncaught error came from, so an init script in every frame hands its own errors to a
 * binding, whose caller is that frame; console messages are asked for their frame through their
 * first argument, which lives in the frame that logged it.
 */

interface Place {
  url: string;
  line: number;
  column: number;
}

/** One message the browser reported. */
interface Reported {
  kind: 'uncaught' | 'console.error' | 'crash';
  text: string;
  /** The script, resource or document the browser names, when it names one. */
  source: Place | undefined;
  /** The document of the frame the message came from, when it can be told. */
  frame: string | undefined;
  page: string;
  stack: string | undefined;
}

/** A message a test expects, by its text (`console.error` text, or the uncaught error's `Name: message`). */
interface Expected {
  message: RegExp;
  /** Only from a frame, script or resource whose URL matches (the page's, when the browser names neither). */
  from: RegExp | undefined;
  /** Why the test provokes it, shown when it is missing. */
  why: string;
  /** The test fails when the message never came. */
  required: boolean;
}

const BINDING = '__e2eReportUncaught';

/** Runs in every frame before its own scripts: tells the binding what went uncaught here. */
function reportUncaughtInFrame(binding: string): void {
  const send = (text: string) => {
    const report = (window as unknown as Record<string, ((text: string) => unknown) | undefined>)[binding];
    void Promise.resolve(report?.(text)).catch(() => {});
  };
  window.addEventListener('error', (event) => send(event.error instanceof Error ? event.error.message : String(event.message)));
  window.addEventListener('unhandledrejection', (event) =>
    send(event.reason instanceof Error ? event.reason.message : String(event.reason)),
  );
}

const place = (location: Place): Place | undefined => (location.url ? location : undefined);

/**
 * A stack frame as `url (line 3, column 7)` rather than `url:3:7`: the runner reads any line of
 * the message that ends in `:line:column` as a frame of the fixture's own stack and prints it again.
 */
const readable = (line: string) => line.replace(/:(\d+):(\d+)(\)?)$/, ' (line $1, column $2)$3');

/** A page's URL, read safely after it may have closed. */
const pageUrl = (page: Page | null) => (page ? page.url() : '(no page: a worker)');

/** Resolves with `promise`, or with `fallback` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), new Promise<T>((done) => setTimeout(() => done(fallback), ms))]);
}

/** One round trip to each frame, so what the browser sent from it before now has arrived. */
async function settle(frames: Frame[]): Promise<void> {
  await Promise.all(frames.map((frame) => within(frame.evaluate(() => 0), 1_000, 0)));
}

const framesOf = (context: BrowserContext) => context.pages().flatMap((page) => (page.isClosed() ? [] : page.frames()));

class PageErrorRecorder {
  private readonly contexts = new Set<BrowserContext>();
  private readonly pending: Array<Promise<Reported>> = [];
  private readonly uncaughtFrames: Array<{ text: string; frame: string }> = [];
  private readonly expected: Expected[] = [];

  expect(expected: Expected): void {
    this.expected.push(expected);
  }

  async watch(context: BrowserContext): Promise<void> {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    context.on('weberror', (error) => this.pending.push(Promise.resolve(this.uncaught(error))));
    context.on('console', (message) => {
      if (message.type() === 'error') this.pending.push(this.consoleError(message));
    });
    const watchPage = (page: Page) => {
      page.on('crash', () =>
        this.pending.push(Promise.resolve({ kind: 'crash', text: 'the page crashed', source: undefined, frame: undefined, page: page.url(), stack: undefined })),
      );
      // A test that closes a page or context itself does not lose what it logged just before.
      const closePage = page.close.bind(page);
      page.close = async (options) => {
        await settle(page.frames());
        await closePage(options);
      };
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
    const closeContext = context.close.bind(context);
    context.close = async (options) => {
      await settle(framesOf(context));
      await closeContext(options);
    };
    await context.exposeBinding(BINDING, ({ frame }, text: unknown) => {
      this.uncaughtFrames.push({ text: String(text), frame: frame.url() });
    });
    await context.addInitScript(reportUncaughtInFrame, BINDING);
  }

  private uncaught(webError: WebError): Reported {
    const error = webError.error();
    return {
      kind: 'uncaught',
      text: `${error.name}: ${error.message}`,
      source: place(webError.location()),
      frame: undefined,
      page: pageUrl(webError.page()),
      stack: error.stack,
    };
  }

  private async consoleError(message: ConsoleMessage): Promise<Reported> {
    // Asked at once: the frame may go away soon after it logs (a checkout closing, for one).
    const first = message.args()[0];
    const frame = first ? await within(first.evaluate(() => window.location.href), 2_000, undefined) : undefined;
    return {
      kind: 'console.error',
      text: message.text(),
      source: place(message.location()),
      frame,
      page: message.page() ? pageUrl(message.page()) : `(worker ${message.worker()?.url() ?? '?'})`,
      stack: undefined,
    };
  }

  /** Every message the test did not expect, and every required expectation that never came. */
  async problems(): Promise<string[]> {
    await settle([...this.contexts].flatMap(framesOf));
    const frames = [...this.uncaughtFrames];
    const reported = (await Promise.all(this.pending)).map((entry) => {
      if (entry.kind !== 'uncaught') return entry;
      const at = frames.findIndex((f) => entry.text === f.text || entry.text.endsWith(`: ${f.text}`));
      return at < 0 ? entry : { ...entry, frame: frames.splice(at, 1)[0]!.frame };
    });
    const seen = new Set<Expected>();
    const unexpected = reported.filter((entry) => {
      const match = this.expected.find((e) => e.message.test(entry.text) && (!e.from || whereFrom(entry).some((url) => e.from!.test(url))));
      if (match) seen.add(match);
      return !match;
    });
    const missing = this.expected.filter((e) => e.required && !seen.has(e));
    return [
      ...unexpected.map(format),
      ...missing.map((e) => `expected but never reported: ${e.message}${e.from ? ` from ${e.from}` : ''} (${e.why})`),
    ];
  }
}

/** The URLs an expectation's `from` is matched against. */
function whereFrom(entry: Reported): string[] {
  const urls = [entry.frame, entry.source?.url].filter((url): url is string => Boolean(url));
  return urls.length > 0 ? urls : [entry.page];
}

const LABELS: Record<Reported['kind'], string> = { uncaught: 'uncaught', 'console.error': 'console.error:', crash: 'crash:' };

function format(entry: Reported): string {
  const lines = [`${LABELS[entry.kind]} ${entry.text}`];
  lines.push(`    frame  ${entry.frame ?? '(not told by the browser)'}`);
  if (entry.source) lines.push(`    source ${entry.source.url} (line ${entry.source.line + 1}, column ${entry.source.column + 1})`);
  lines.push(`    page   ${entry.page}`);
  const frames = entry.stack?.split('\n').slice(1, 6).map((line) => readable(line.trim().replace(/^at /, ''))) ?? [];
  for (const [i, line] of frames.entries()) lines.push(`    ${i === 0 ? 'stack ' : '      '} ${line}`);
  return lines.join('\n');
}

/** The recorder of the test that is running (a worker runs one test at a time). */
let current: PageErrorRecorder | undefined;

export interface ExpectPageErrorOptions {
  /** Why the test provokes it; shown if it never comes. */
  why: string;
  /** Only from a frame, script or resource whose URL matches (the page's, when the browser names neither). */
  from?: RegExp;
  /** `'maybe'` when it depends on timing; by default the message must come at least once. */
  times?: 'at least once' | 'maybe';
}

/**
 * Declares, inside the test that provokes it, a browser message the test expects (matched
 * against the console.error text or the uncaught error's `Name: message`). Only that test allows it.
 */
export function expectPageError(message: RegExp, options: ExpectPageErrorOptions): void {
  if (!current) throw new Error('expectPageError() is called inside a test, from test/e2e/support/test.ts');
  current.expect({ message, from: options.from, why: options.why, required: options.times !== 'maybe' });
}

/** `text` as a pattern that matches it exactly. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Declares Chromium's own console line for a load the test makes fail on purpose: `failure` is the
 * HTTP status the server answers or the network error (`net::ERR_CONNECTION_RESET`), `url` the
 * resource, exactly.
 */
export function expectFailedLoad(url: string, failure: number | `net::${string}`, options: Omit<ExpectPageErrorOptions, 'from'>): void {
  const what = typeof failure === 'number' ? `the server responded with a status of ${failure} \\(` : `${literal(failure)}$`;
  expectPageError(new RegExp(`^Failed to load resource: ${what}`), { ...options, from: new RegExp(`^${literal(url)}$`) });
}

/** What the fixture would fail the running test with if it ended now: for the tests of this module. */
export function unexpectedPageErrors(): Promise<string[]> {
  if (!current) throw new Error('unexpectedPageErrors() is called inside a test, from test/e2e/support/test.ts');
  return current.problems();
}

/** Every context the test opens from `browser` while it runs is watched too. */
function watchNewContexts(browser: Browser, recorder: PageErrorRecorder): () => void {
  const newContext = browser.newContext;
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext.apply(browser, args);
    await recorder.watch(context);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}

export const test = base.extend<{ pageErrors: undefined }>({
  pageErrors: [
    async ({ browser, context }, use) => {
      const recorder = new PageErrorRecorder();
      await recorder.watch(context);
      const unwatch = watchNewContexts(browser, recorder);
      current = recorder;
      try {
        await use(undefined);
      } finally {
        unwatch();
        current = undefined;
      }
      const problems = await recorder.problems();
      if (problems.length > 0) {
        const message = `Browser errors this test does not expect (a test that provokes one declares it: expectPageError(/message/, { why })):\n\n${problems.join('\n\n')}`;
        const error = new Error(message);
        // The fixture's own stack says nothing about where the errors came from.
        error.stack = message;
        throw error;
      }
    },
    { auto: true, title: 'page errors' },
  ],
});

export { expect };
