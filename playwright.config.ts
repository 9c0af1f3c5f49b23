import { defineConfig } from '@playwright/test';
import type { EngineOptions } from './test/engines/fixtures';
import { chromiumLaunchOptions } from './chromium.config';
import { ENGINES } from './test/engines/driver/driver';

export default defineConfig<object, EngineOptions>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
  projects: [
    // Everything under test/e2e: Playwright in Debian's Chromium.
    { name: 'chromium', testDir: 'test/e2e' },
    // The same flows in every engine, through one driver interface (test/engines/driver).
    ...ENGINES.map((engine) => ({ name: `engine:${engine}`, testDir: 'test/engines', use: { engine } })),
  ],
});
