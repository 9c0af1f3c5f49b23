import type { Browser } from '@playwright/test';
import type { TestSandbox } from '../test/e2e/support/sandbox';
import { LISTENER_PROBE, type ListenerCounts } from '../test/e2e/perf/listener-probe';

export interface CyclesResult {
  cycles: number;
  /** Cycles whose checkout reported ready and then closed with `cancel`. */
  completed: number;
  iframesLeft: number;
  listenersBefore: ListenerCounts;
  listenersAfter: ListenerCounts;
  /** Merchant page JS heap (bytes, after a forced GC): after one warm-up cycle, and after all cycles. */
  heapBefore: number;
  heapAfter: number;
  heapGrowth: number;
}

/** 100 open -> ready -> close cycles of the real checkout on one merchant page (our vanilla SDK). */
export async function measureCycles(browser: Browser, sandbox: TestSandbox, merchantUrl: string, cycles = 100): Promise<CyclesResult> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(LISTENER_PROBE);
    const page = await context.newPage();
    await page.goto(`${merchantUrl}/`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const listeners = () => page.evaluate(() => (window as unknown as { __listeners(): ListenerCounts }).__listeners());
    const cycle = async () => {
      const { token } = await sandbox.createSession({ origin: merchantUrl });
      return page.evaluate(
        (t) => (window as unknown as { benchCycle(t: string): Promise<{ ready: boolean; status: string }> }).benchCycle(t),
        token,
      );
    };
    const listenersBefore = await listeners();
    await cycle(); // warm-up: the SDK's code paths are compiled, the first frame has come and gone
    const heapBefore = await heap();
    let completed = 0;
    for (let i = 0; i < cycles; i++) {
      const outcome = await cycle();
      if (outcome.ready && outcome.status === 'cancel') completed++;
    }
    const heapAfter = await heap();
    return {
      cycles,
      completed,
      iframesLeft: await page.locator('iframe').count(),
      listenersBefore,
      listenersAfter: await listeners(),
      heapBefore,
      heapAfter,
      heapGrowth: heapAfter - heapBefore,
    };
  } finally {
    await context.close();
  }
}
