import { createHmac } from 'node:crypto';
import { secretKey } from './secret';

/**
 * Standard Webhooks signature: base64 HMAC-SHA256, keyed by the decoded secret, over
 * `${id}.${timestamp}.${body}`. Binding the id and timestamp is what makes replays detectable.
 */
export function standardSignature(secret: string, id: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest('base64');
}

/**
 * The `x-lava-signature` that the webhook handler in Lava's monetization quickstart checks: hex
 * HMAC-SHA256 of the raw body, keyed by the secret string as written (`whsec_…`). Kept for
 * existing handlers; it carries no timestamp.
 */
export function legacySignature(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
