import { createHash, randomBytes } from 'node:crypto';

/** A public identifier: prefix + 96 random bits ("conn_3f9a..."). Not a secret. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** A bearer secret (session secret, flow token): 192 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** What newSecret makes and the token codec accepts as a session secret; anything else is refused before a lookup. */
export const SECRET_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
