import { lazy } from 'react';

let chunk: Promise<typeof import('./LaterScreen')> | null = null;

/** Fetch the post-identity screens while the customer is still verifying. */
export function prefetchLater(): Promise<typeof import('./LaterScreen')> {
  chunk ??= import('./LaterScreen');
  return chunk;
}

export const LazyLaterScreen = lazy(() => prefetchLater().then((m) => ({ default: m.LaterScreen })));
