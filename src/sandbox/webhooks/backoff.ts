/**
 * Delay before retry number `attempt` (1 = the first retry): exponential, with "equal jitter"
 * (half fixed, half random) so endpoints that failed together do not retry together.
 */
export function retryDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
