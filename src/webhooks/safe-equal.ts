import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two strings of any length. Their SHA-256 digests are compared, which
 * always have the same length, so neither the time nor an early return tells how long a secret is.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
