import { useEffect, useState } from 'react';

/** Seconds left of a cooldown that restarts whenever `restartKey` changes. */
export function useCooldown(seconds: number, restartKey: number): number {
  const [left, setLeft] = useState(seconds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey restarts the clock on each new code
  useEffect(() => {
    setLeft(seconds);
    if (seconds <= 0) return;
    const startedAt = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, restartKey]);
  return left;
}
