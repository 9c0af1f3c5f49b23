import { legacySignature, standardSignature } from '../../webhooks/signature';

/**
 * The headers of one delivery attempt: Standard Webhooks, plus the x-lava-signature that the
 * webhook handler in Lava's monetization quickstart checks.
 */
export function signedHeaders(secret: string, eventId: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'lava-sandbox-webhooks/1',
    'webhook-id': eventId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${standardSignature(secret, eventId, timestampSeconds, body)}`,
    'x-lava-signature': legacySignature(secret, body),
  };
}
