import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { type Driver, describeTarget, type Key, locate, selectContent, type Scope, sendTarget, type Target, waitFor } from './driver';

/** Debian's Firefox ESR: FIREFOX_PATH, else what `command -v firefox-esr` finds. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || execFileSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], { encoding: 'utf8' }).trim();
}

/** Firefox through puppeteer-core over WebDriver BiDi (Playwright's own Firefox build cannot be had here). */
export async function launchFirefox(): Promise<Driver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
  });
  let context: BrowserContext = await browser.createBrowserContext();
  let page: Page = await context.newPage();

  async function frameAt(path: string[]): Promise<Frame> {
    let frame = page.mainFrame();
    for (const selector of path) {
      frame = await waitFor(`the frame ${selector}`, async () => {
        const found = await frame.$(selector);
        return (await found?.contentFrame()) ?? null;
      });
    }
    return frame;
  }

  async function element(path: string[], target: Target): Promise<ElementHandle<Element>> {
    return waitFor(describeTarget(target), async () => {
      const frame = await frameAt(path);
      const handle = await frame.evaluateHandle(locate, sendTarget(target));
      const found = handle.asElement() as ElementHandle<Element> | null;
      if (!found) await handle.dispose();
      return found;
    });
  }

  function scope(path: string[]): Scope {
    return {
      run: async (fn, arg) => (await frameAt(path)).evaluate(fn as never, arg) as never,
      click: async (target) => (await element(path, target)).click(),
      async type(target, text) {
        const input = await element(path, target);
        await input.click();
        await input.evaluate(selectContent);
        await page.keyboard.type(text);
      },
    };
  }

  return {
    engine: 'firefox',
    description: `firefox ${(await browser.version()).replace(/^firefox\//, '')} (puppeteer-core over WebDriver BiDi)`,
    page: scope([]),
    frame: (...path) => scope(path),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    press: (key: Key) => page.keyboard.press(key),
    keys: (text) => page.keyboard.type(text),
    async reset() {
      await context.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
    },
    close: () => browser.close(),
  };
}
