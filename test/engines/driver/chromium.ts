import { type BrowserContext, chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../chromium.config';
import type { Driver } from './driver';
import { frameTreeDriver, type TreePage } from './frame-tree';

/** Chromium through Playwright: Debian's Chromium, launched as every other test here launches it. */
export async function launchChromium(): Promise<Driver> {
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  let context: BrowserContext = await browser.newContext({ locale: 'en-US' });
  let page: Page = await context.newPage();
  return frameTreeDriver({
    engine: 'chromium',
    description: `chromium ${browser.version()} (Playwright over CDP)`,
    page: () => page as unknown as TreePage,
    async reset() {
      await context.close();
      context = await browser.newContext({ locale: 'en-US' });
      page = await context.newPage();
    },
    close: () => browser.close(),
  });
}
