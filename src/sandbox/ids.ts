import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A public identifier: prefix + 96 random bits ("conn_3f9a..."). Not a secret. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** A bearer secret: 192 random bits, base64url (matches the token codec's secret pattern). */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
