import type { Browser } from '@playwright/test';
import { startTestSandbox } from '../test/e2e/support/sandbox';
import { measureOpenLatency, type OpenLatency, openOnce, type OpenPages, type OpenVariant } from './open-latency';
import { type LinkShape, type LinkTraffic, startShapingProxy } from './shaping-proxy';

export interface SlowLinkResult {
  shape: LinkShape;
  /** The checkout app build served, when not dist/checkout-app. */
  app?: string;
  open: OpenLatency;
  /** Median open time over the link's round trip: how many round trips an open costs. */
  roundTrips: Record<OpenVariant, number>;
  /** What one cold open of ours moved over the link (measured once, after the timed runs). */
  coldTraffic: LinkTraffic;
}

/** `150/1600/750`: round trip in ms, then down and up in kbit/s. */
export function parseLinkShape(text: string): LinkShape {
  const [rttMs, downKbps, upKbps] = text.split('/').map(Number);
  if (![rttMs, downKbps, upKbps].every((n) => Number.isFinite(n) && n! > 0)) {
    throw new Error(`--links: "${text}" is not <rtt ms>/<down kbit/s>/<up kbit/s>, e.g. 150/1600/750`);
  }
  return { rttMs: rttMs!, downKbps: downKbps!, upKbps: upKbps! };
}

export const DEFAULT_LINKS = '150/1600/750,40/10000/5000';

/**
 * Open latency with the checkout origin behind a shaped link: a sandbox whose tokens name the
 * shaping proxy, so the frame's page, its assets and its API calls all cross the link, while the
 * merchant page stays on loopback. Cold, preloaded and the 0.1.3 hook interleave as on loopback.
 */
export async function measureSlowLink(
  browser: Browser,
  merchantPages: OpenPages,
  shape: LinkShape,
  runs: number,
  /** Another build of the checkout app to serve (default: dist/checkout-app), e.g. a previous one to compare. */
  staticDir?: string,
): Promise<SlowLinkResult> {
  const proxy = await startShapingProxy(shape);
  const sandbox = await startTestSandbox({ publicUrl: `${proxy.url}/`, staticDir });
  proxy.setTarget(sandbox.sandbox.port);
  try {
    const open = await measureOpenLatency(browser, sandbox, merchantPages, runs);
    const perRtt = (median: number) => Math.round((median / shape.rttMs) * 10) / 10;
    proxy.resetTraffic();
    await openOnce(browser, sandbox, merchantPages, 'cold');
    const coldTraffic = proxy.traffic();
    return {
      shape,
      app: staticDir,
      open,
      roundTrips: { preloaded: perRtt(open.interactive.preloaded.median), cold: perRtt(open.interactive.cold.median), legacy013: perRtt(open.interactive.legacy013.median) },
      coldTraffic,
    };
  } finally {
    await sandbox.close();
    await proxy.close();
  }
}
