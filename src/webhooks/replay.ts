/**
 * Answers whether a webhook id was already accepted, and remembers it. Back it with your
 * database (a unique index on the id) when you run more than one process. `timestamp` is the
 * signed time of the delivery (Unix seconds); `legacy` says it came with `x-lava-signature` only,
 * whose time is the event's `created_at`: keep those ids for longer than the tolerance.
 */
export type ReplayCheck = (id: string, timestamp: number, delivery?: { legacy: boolean }) => boolean | Promise<boolean>;

/** How long memoryReplayCheck keeps the id of a legacy-signed delivery. */
export const LEGACY_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * An in-memory seen-ids check for a single process. Ids are forgotten once their timestamp is
 * older than `toleranceSeconds` (the verifier rejects those as stale anyway), so memory stays
 * bounded; ids of legacy-signed deliveries are kept `legacyRetentionSeconds` (default 7 days), so a
 * replay is refused by its id even where the timestamp check would not catch it (a verifier with a
 * wider tolerance than this check's, a clock set back).
 */
export function memoryReplayCheck(options: { toleranceSeconds?: number; legacyRetentionSeconds?: number; now?: () => number } = {}): ReplayCheck {
  const tolerance = options.toleranceSeconds ?? 300;
  const legacyRetention = Math.max(tolerance, options.legacyRetentionSeconds ?? LEGACY_RETENTION_SECONDS);
  const now = options.now ?? Date.now;
  // id -> the Unix second after which it may be forgotten
  const seen = new Map<string, number>();
  return (id, timestamp, delivery) => {
    const nowSeconds = Math.floor(now() / 1000);
    for (const [key, until] of seen) if (until < nowSeconds) seen.delete(key);
    if (seen.has(id)) return true;
    seen.set(id, delivery?.legacy ? Math.max(timestamp, nowSeconds) + legacyRetention : timestamp + tolerance);
    return false;
  };
}
