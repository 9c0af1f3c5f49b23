/**
 * Answers whether a webhook id was already accepted, and remembers it. Back it with your
 * database (a unique index on the id) when you run more than one process.
 */
export type ReplayCheck = (id: string, timestamp: number) => boolean | Promise<boolean>;

/**
 * An in-memory seen-ids check for a single process. Ids are forgotten once their timestamp is
 * older than `toleranceSeconds` (the verifier rejects those as stale anyway), so memory stays bounded.
 */
export function memoryReplayCheck(options: { toleranceSeconds?: number; now?: () => number } = {}): ReplayCheck {
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return (id, timestamp) => {
    const cutoff = Math.floor(now() / 1000) - tolerance;
    for (const [key, ts] of seen) if (ts < cutoff) seen.delete(key);
    if (seen.has(id)) return true;
    seen.set(id, timestamp);
    return false;
  };
}
