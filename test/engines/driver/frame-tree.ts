import { type Driver, describeTarget, type EngineName, type Key, locate, type Scope, selectContent, sendTarget, type Target, waitFor } from './driver';

/**
 * What Playwright and puppeteer-core have alike: a page of frames reached through their iframe
 * elements, element handles, and a keyboard. Both drivers are this, plus how they launch.
 */
export interface TreeElement {
  click(): Promise<void>;
  evaluate(fn: (element: Element) => void): Promise<unknown>;
}
export interface TreeFrame {
  $(selector: string): Promise<{ contentFrame(): Promise<TreeFrame | null> } | null>;
  evaluate(fn: never, arg: never): Promise<unknown>;
  evaluateHandle(fn: never, arg: never): Promise<{ asElement(): unknown; dispose(): Promise<void> }>;
}
export interface TreePage {
  mainFrame(): TreeFrame;
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  keyboard: { type(text: string): Promise<void>; down(key: Key): Promise<void>; up(key: Key): Promise<void> };
}

export interface TreeBrowser {
  engine: EngineName;
  description: string;
  /** The page of the current browser state. */
  page(): TreePage;
  /** A fresh browser state (a new context and page). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function frameTreeDriver(browser: TreeBrowser): Driver {
  async function frameAt(path: string[]): Promise<TreeFrame> {
    let frame = browser.page().mainFrame();
    for (const selector of path) {
      const parent = frame;
      frame = await waitFor(`the frame ${selector}`, async () => (await (await parent.$(selector))?.contentFrame()) ?? null);
    }
    return frame;
  }

  async function element(path: string[], target: Target): Promise<TreeElement> {
    return waitFor(describeTarget(target), async () => {
      const handle = await (await frameAt(path)).evaluateHandle(locate as never, sendTarget(target) as never);
      const found = handle.asElement() as TreeElement | null;
      if (!found) await handle.dispose();
      return found;
    });
  }

  function scope(path: string[]): Scope {
    return {
      run: async (fn, arg) => (await frameAt(path)).evaluate(fn as never, arg as never) as never,
      click: async (target) => (await element(path, target)).click(),
      async type(target, text) {
        const input = await element(path, target);
        await input.click();
        await input.evaluate(selectContent);
        await browser.page().keyboard.type(text);
      },
    };
  }

  return {
    engine: browser.engine,
    description: browser.description,
    page: scope([]),
    frame: (...path) => scope(path),
    goto: async (url) => {
      await browser.page().goto(url);
    },
    reload: async () => {
      await browser.page().reload();
    },
    async press(key: Key) {
      const { keyboard } = browser.page();
      await keyboard.down(key);
      // A key whose press closes the checkout is released over a frame that is gone, and Chromium
      // never acknowledges that release to Playwright: wait for it a moment, not for ever.
      await Promise.race([keyboard.up(key), new Promise((done) => setTimeout(done, 1000))]);
    },
    keys: (text) => browser.page().keyboard.type(text),
    reset: () => browser.reset(),
    close: () => browser.close(),
  };
}
