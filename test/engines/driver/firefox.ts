import { execFileSync } from 'node:child_process';
import puppeteer, { type BrowserContext, type Page } from 'puppeteer-core';
import type { Driver } from './driver';
import { frameTreeDriver, type TreePage } from './frame-tree';

/** Debian's Firefox ESR: FIREFOX_PATH, else what `command -v firefox-esr` finds. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || execFileSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], { encoding: 'utf8' }).trim();
}

/** Firefox through puppeteer-core over WebDriver BiDi (Playwright's own Firefox build cannot be had here). */
export async function launchFirefox(): Promise<Driver> {
  const executablePath = firefoxPath();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
  });
  let context: BrowserContext = await browser.createBrowserContext();
  let page: Page = await context.newPage();
  const version = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim().replace(/^Mozilla Firefox /, '');
  return frameTreeDriver({
    engine: 'firefox',
    description: `firefox ${version} (puppeteer-core over WebDriver BiDi)`,
    page: () => page as unknown as TreePage,
    async reset() {
      await context.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
    },
    close: () => browser.close(),
  });
}
