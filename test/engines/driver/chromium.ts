import { type Browser, type BrowserContext, chromium, type ElementHandle, type Frame, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../chromium.config';
import { type Driver, describeTarget, type Key, locate, selectContent, type Scope, sendTarget, type Target, waitFor } from './driver';

/** Chromium through Playwright: Debian's Chromium, launched as every other test here launches it. */
export async function launchChromium(): Promise<Driver> {
  const browser: Browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  let context: BrowserContext = await browser.newContext({ locale: 'en-US' });
  let page: Page = await context.newPage();

  async function frameAt(path: string[]): Promise<Frame> {
    let frame = page.mainFrame();
    for (const selector of path) {
      const element = await waitFor(`the frame ${selector}`, async () => {
        const found = await frame.$(selector);
        return (await found?.contentFrame()) ?? null;
      });
      frame = element;
    }
    return frame;
  }

  async function element(path: string[], target: Target): Promise<ElementHandle<Element>> {
    return waitFor(describeTarget(target), async () => {
      const frame = await frameAt(path);
      const handle = await frame.evaluateHandle(locate, sendTarget(target));
      const found = handle.asElement();
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
    engine: 'chromium',
    description: `chromium ${browser.version()} (Playwright over CDP)`,
    page: scope([]),
    frame: (...path) => scope(path),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    async press(key: Key) {
      await page.keyboard.down(key);
      // A key whose press closes the checkout is released over a frame that is gone, and Chromium
      // never acknowledges that release to Playwright: wait for it a moment, not for ever.
      await Promise.race([page.keyboard.up(key), new Promise((done) => setTimeout(done, 1000))]);
    },
    keys: (text) => page.keyboard.type(text),
    async reset() {
      await context.close();
      context = await browser.newContext({ locale: 'en-US' });
      page = await context.newPage();
    },
    close: () => browser.close(),
  };
}
