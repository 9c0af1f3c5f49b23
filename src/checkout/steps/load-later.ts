import { LoadFailedStep } from './end/LoadFailedStep';
import { LoadingStep } from './end/LoadingStep';
import { retryableLazy } from './retryable-lazy';

let chunk: Promise<typeof import('./LaterScreen')> | null = null;

/** Fetch the post-identity screens while the customer is still verifying (again, after a failure). */
export function prefetchLater(): Promise<typeof import('./LaterScreen')> {
  chunk ??= import('./LaterScreen').catch((error: unknown) => {
    chunk = null;
    throw error;
  });
  return chunk;
}

export const LazyLaterScreen = retryableLazy(() => prefetchLater().then((m) => m.LaterScreen), { Loading: LoadingStep, Failed: LoadFailedStep });
