import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.config';

export default defineConfig({
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
});
