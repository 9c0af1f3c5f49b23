import { test as base, expect } from '@playwright/test';
import type { Driver, EngineName } from './driver/driver';
import { launchDriver } from './driver/launch';
import { type PageError, recordedErrors } from './page-errors';
import { type EngineWorld, startEngineWorld } from './world';

export { expect };

export interface PageErrors {
  /** This test expects a page error matching `pattern` (and only this test is allowed it). */
  allow(pattern: RegExp): void;
  readonly allowed: readonly RegExp[];
}

interface WorkerFixtures {
  /** Which engine this project runs: set by the project in playwright.config.ts. */
  engine: EngineName;
  engineDriver: Driver;
  world: EngineWorld;
}

interface TestFixtures {
  /** The engine's driver, in a fresh browser state; fails the test on any page error it did not allow. */
  driver: Driver;
  pageErrors: PageErrors;
}

/**
 * The engine flows' test: one browser per worker (printed with its version), a fresh browsing
 * state per test, and the page-error probe read before every navigation and at the end. A test
 * fails on an uncaught error, an unhandled rejection or a console.error in the merchant page or
 * the checkout frame, unless the test itself allowed that message.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  world: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
    async ({}, use) => {
      const world = await startEngineWorld();
      await use(world);
      await world.close();
    },
    { scope: 'worker' },
  ],
  engineDriver: [
    async ({ engine }, use) => {
      const driver = await launchDriver(engine);
      console.log(`[engines] ${driver.description}`);
      await use(driver);
      await driver.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
  pageErrors: async ({}, use) => {
    const allowed: RegExp[] = [];
    await use({ allowed, allow: (pattern) => allowed.push(pattern) });
  },
  driver: async ({ engineDriver, pageErrors, world: _world }, use) => {
    const seen: PageError[] = [];
    const harvest = async () => {
      seen.push(...(await recordedErrors(engineDriver).catch(() => [])));
    };
    await engineDriver.reset();
    const watched: Driver = {
      engine: engineDriver.engine,
      description: engineDriver.description,
      page: engineDriver.page,
      frame: (...path) => engineDriver.frame(...path),
      goto: async (url) => {
        await harvest();
        await engineDriver.goto(url);
      },
      reload: async () => {
        await harvest();
        await engineDriver.reload();
      },
      press: (key) => engineDriver.press(key),
      keys: (text) => engineDriver.keys(text),
      reset: async () => {
        await harvest();
        await engineDriver.reset();
      },
      close: () => engineDriver.close(),
    };
    await use(watched);
    await harvest();
    const unexpected = seen.filter((e) => !pageErrors.allowed.some((pattern) => pattern.test(e.text)));
    expect(unexpected, `page errors in ${engineDriver.engine}`).toEqual([]);
  },
});

/** The option each engine project sets (playwright.config.ts). */
export interface EngineOptions {
  engine: EngineName;
}
