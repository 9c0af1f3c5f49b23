import { type Browser, chromium } from '@playwright/test';

/** Debian's Chromium with the flags this machine needs (see TOOLCHAIN.md); never a download. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
