import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { type Driver, describeTarget, type Key, locate, selectContent, type Scope, type SentTarget, sendTarget, type Target, waitFor } from './driver';

/** WebKitGTK's MiniBrowser: WEBKIT_MINIBROWSER, else the one `dpkg -L libwebkit2gtk-4.1-0` lists. */
export function miniBrowserPath(): string {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((file) => file.endsWith('/MiniBrowser'));
  if (!found) throw new Error('MiniBrowser not found: apt-get install -y webkit2gtk-driver');
  return found;
}

/** The W3C WebDriver key codes of the keys the flows press. */
const KEYS: Record<Key, string> = { Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007', Backspace: '\uE003' };

/** A DOM element as W3C WebDriver returns it. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [ELEMENT]: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * WebKit through WebKitWebDriver (classic W3C WebDriver over plain fetch), running WebKitGTK's
 * MiniBrowser under xvfb-run. A fresh session per `reset`, which is a fresh browser state.
 */
/**
 * How long a session may take to start (MiniBrowser under Xvfb) or to end before the driver is
 * started again: on a loaded machine a launch has hung now and then, and the test then waited
 * out its whole timeout in fixture setup.
 */
const SESSION_START_MS = 30_000;

export async function launchWebKit(): Promise<Driver> {
  let server!: ChildProcess;
  let endpoint = '';

  async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const res = await fetch(`${endpoint}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const json = (await res.json()) as { value: T & { error?: string; message?: string } };
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  async function startServer(): Promise<void> {
    const port = await freePort();
    server = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
    endpoint = `http://127.0.0.1:${port}`;
    await waitFor('WebKitWebDriver to start', () => call('GET', '/status').then(() => true), 20_000);
  }

  function stopServer(): void {
    // The whole group: xvfb-run, Xvfb, WebKitWebDriver and any MiniBrowser it started.
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }

  await startServer();
  const binary = miniBrowserPath();
  async function createSession(): Promise<{ id: string; version: string }> {
    const created = await call<{ sessionId: string; capabilities: { browserVersion: string } }>(
      'POST',
      '/session',
      { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } } },
      AbortSignal.timeout(SESSION_START_MS),
    );
    return { id: created.sessionId, version: created.capabilities.browserVersion };
  }
  /** A new session; one whose browser does not come up in time is given up with its driver, once. */
  async function newSession(): Promise<{ id: string; version: string }> {
    try {
      return await createSession();
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      console.log(`[engines] webkit: no session after ${SESSION_START_MS} ms; starting WebKitWebDriver again`);
      stopServer();
      await startServer();
      return createSession();
    }
  }
  let session = await newSession();
  const inSession = <T>(method: string, path: string, body?: unknown, signal?: AbortSignal) => call<T>(method, `/session/${session.id}${path}`, body, signal);
  const execute = <T>(source: string, args: unknown[]) => inSession<T>('POST', '/execute/async', { script: source, args });

  /** Switches the session into the frame at `path` (from the top), waiting for each to appear. */
  async function enter(path: string[]): Promise<void> {
    await waitFor(`the frame ${path.join(' > ') || 'top'}`, async () => {
      await inSession('POST', '/frame', { id: null });
      for (const selector of path) {
        const element = await execute<ElementRef | null>('arguments[arguments.length - 1](document.querySelector(arguments[0]))', [selector]);
        if (!element) return false;
        await inSession('POST', '/frame', { id: element });
      }
      return true;
    });
  }

  async function run<A, R>(path: string[], fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    await enter(path);
    const done = 'arguments[arguments.length - 1]';
    const source = `Promise.resolve((${fn.toString()})(arguments[0])).then((v) => ${done}({ ok: v === undefined ? null : v }), (e) => ${done}({ error: String(e && e.stack || e) }))`;
    const result = await execute<{ ok?: R; error?: string }>(source, [arg]);
    if (result.error) throw new Error(result.error);
    return result.ok as R;
  }

  async function element(path: string[], target: Target): Promise<string> {
    return waitFor(describeTarget(target), async () => {
      // An element the script returns arrives as a WebDriver element reference.
      const found = (await run<SentTarget, unknown>(path, locate, sendTarget(target))) as ElementRef | null;
      return found ? found[ELEMENT] : null;
    });
  }

  function scope(path: string[]): Scope {
    return {
      run: (fn, arg) => run(path, fn, arg),
      click: async (target) => {
        await inSession('POST', `/element/${await element(path, target)}/click`, {});
      },
      async type(target, text) {
        const id = await element(path, target);
        await inSession('POST', `/element/${id}/click`, {});
        await execute(`(${selectContent.toString()})(arguments[0]); arguments[1]()`, [{ [ELEMENT]: id }]);
        await inSession('POST', `/element/${id}/value`, { text });
      },
    };
  }

  /** Each value pressed and released in turn, on whatever has focus. */
  async function strokes(values: string[]): Promise<void> {
    const actions = values.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await inSession('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await inSession('DELETE', '/actions');
  }

  const description = `webkit ${session.version} (WebKitGTK MiniBrowser over WebDriver)`;
  return {
    engine: 'webkit',
    description,
    page: scope([]),
    frame: (...path) => scope(path),
    goto: async (url) => {
      await inSession('POST', '/url', { url });
    },
    reload: async () => {
      await inSession('POST', '/refresh', {});
    },
    press: (key: Key) => strokes([KEYS[key]]),
    keys: (text) => strokes([...text]),
    async reset() {
      await inSession('DELETE', '', undefined, AbortSignal.timeout(SESSION_START_MS)).catch(async (error: Error) => {
        if (error.name !== 'TimeoutError') throw error;
        console.log(`[engines] webkit: the session did not end in ${SESSION_START_MS} ms; starting WebKitWebDriver again`);
        stopServer();
        await startServer();
      });
      session = await newSession();
    },
    async close() {
      await inSession('DELETE', '').catch(() => undefined);
      stopServer();
    },
  };
}
