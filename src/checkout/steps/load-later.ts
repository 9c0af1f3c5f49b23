import { LoadFailedStep } from './end/LoadFailedStep';
import { LoadingStep } from './end/LoadingStep';
import { loadOnce, retryableLazy } from './retryable-lazy';

/** Fetch the post-identity screens while the customer is still verifying (again, after a failure). */
export const prefetchLater = loadOnce(() => import('./LaterScreen'));

export const LazyLaterScreen = retryableLazy(() => prefetchLater().then((m) => m.LaterScreen), { Loading: LoadingStep, Failed: LoadFailedStep });
