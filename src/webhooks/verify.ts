import { isWebhookEventType, type WebhookEvent } from '../contract/webhooks';
import { WebhookVerificationError } from './errors';
import { type HeaderSource, header } from './headers';
import type { ReplayCheck } from './replay';
import { secretKey } from './secret';
import { safeEqual } from './safe-equal';
import { legacySignature, standardSignature } from './signature';

export interface VerifyWebhookOptions {
  /** The endpoint's `whsec_…` secret. */
  secret: string;
  /** How far `webhook-timestamp` may be from now, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Rejects ids already accepted (see memoryReplayCheck). Called only for authentic deliveries. */
  replayCheck?: ReplayCheck;
  /**
   * Also accept a delivery signed only with `x-lava-signature` (the scheme the webhook handler in
   * Lava's monetization quickstart checks). That signature covers the body alone, so the tolerance
   * applies to the body's `created_at` (the event's time, not the attempt's: a retry later than the
   * tolerance is refused) and `replayCheck` must keep such ids longer (memoryReplayCheck does).
   * Off by default.
   */
  allowLegacySignature?: boolean;
}

const DEFAULT_TOLERANCE = 300;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Verify a webhook delivery and return its event. Pass the body exactly as received (a string
 * or Buffer, before any JSON parsing): re-serialised JSON does not verify. Throws
 * WebhookVerificationError with a code when the delivery must not be trusted.
 */
export async function verifyWebhook(rawBody: string | Uint8Array, headers: HeaderSource, options: VerifyWebhookOptions): Promise<WebhookEvent> {
  secretKey(options.secret);
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new WebhookVerificationError('invalid_payload', 'Pass the raw request body (string or Buffer), not parsed JSON');
  }
  const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  const signatureHeader = header(headers, 'webhook-signature');
  const legacy = signatureHeader === undefined && options.allowLegacySignature === true && header(headers, 'x-lava-signature') !== undefined;
  let timestamp = 0;
  if (signatureHeader !== undefined) {
    timestamp = checkStandard(body, headers, signatureHeader, options);
  } else if (legacy) {
    checkLegacy(body, header(headers, 'x-lava-signature') ?? '', options.secret);
  } else {
    throw new WebhookVerificationError('missing_headers', 'Missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  const event = parseEvent(body);
  // Without webhook-signature nothing signed says when this was sent but the body's own created_at.
  if (legacy) timestamp = checkTolerance(createdAtSeconds(event), options);
  if (options.replayCheck && (await options.replayCheck(event.id, timestamp, { legacy }))) {
    throw new WebhookVerificationError('replayed', `Webhook ${event.id} was already received`);
  }
  return event;
}

function createdAtSeconds(event: WebhookEvent): number {
  const created = typeof event.created_at === 'string' ? Date.parse(event.created_at) : Number.NaN;
  if (!Number.isFinite(created)) throw new WebhookVerificationError('invalid_timestamp', "The body's created_at is not a date");
  return Math.floor(created / 1000);
}

/** Returns `timestamp` when it is within the tolerance of now, either way; throws otherwise. */
function checkTolerance(timestamp: number, options: VerifyWebhookOptions): number {
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE;
  if (timestamp < nowSeconds - tolerance) throw new WebhookVerificationError('timestamp_too_old', 'Webhook timestamp is too old');
  if (timestamp > nowSeconds + tolerance) throw new WebhookVerificationError('timestamp_too_new', 'Webhook timestamp is in the future');
  return timestamp;
}

function checkStandard(body: string | Buffer, headers: HeaderSource, signatures: string, options: VerifyWebhookOptions): number {
  const id = header(headers, 'webhook-id');
  const rawTimestamp = header(headers, 'webhook-timestamp');
  if (!id || !rawTimestamp) throw new WebhookVerificationError('missing_headers', 'Missing webhook-id or webhook-timestamp header');
  if (!TIMESTAMP.test(rawTimestamp)) throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not a Unix time in seconds');
  const timestamp = Number(rawTimestamp);
  const expected = standardSignature(options.secret, id, timestamp, body);
  // The header may carry several space-separated signatures (e.g. during secret rotation).
  const matched = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .some(([version, signature]) => version === 'v1' && signature !== undefined && safeEqual(signature, expected));
  if (!matched) throw new WebhookVerificationError('invalid_signature', 'No matching signature');
  return checkTolerance(timestamp, options);
}

function checkLegacy(body: string | Buffer, signature: string, secret: string): void {
  if (!safeEqual(signature.toLowerCase(), legacySignature(secret, body))) {
    throw new WebhookVerificationError('invalid_signature', 'x-lava-signature does not match');
  }
}

function parseEvent(body: string | Buffer): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString());
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'Body is not JSON');
  }
  const rec = parsed as Record<string, unknown> | null;
  if (!rec || typeof rec !== 'object' || typeof rec.id !== 'string' || !isWebhookEventType(rec.type) || typeof rec.data !== 'object' || rec.data === null) {
    throw new WebhookVerificationError('invalid_payload', 'Body is not a webhook event');
  }
  return rec as unknown as WebhookEvent;
}
