import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.config';

/** The project's Chromium launch (chromium.config.ts): Debian's Chromium, never a download. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}
