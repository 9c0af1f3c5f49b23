import { randomBytes } from 'node:crypto';
import { WebhookVerificationError } from './errors';

export const SECRET_PREFIX = 'whsec_';
// Standard base64; the URL-safe alphabet is accepted too (Node decodes both the same way).
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A new endpoint secret: `whsec_` + base64 of 24 random bytes (Standard Webhooks format). */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The HMAC key of a `whsec_<base64>` secret (the bytes after the prefix, decoded). */
export function secretKey(secret: string): Buffer {
  if (typeof secret !== 'string' || !secret.startsWith(SECRET_PREFIX)) {
    throw new WebhookVerificationError('invalid_secret', 'Webhook secret must start with whsec_');
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length < 16) throw new WebhookVerificationError('invalid_secret', 'Webhook secret is not whsec_<base64> of at least 16 bytes');
  return key;
}
