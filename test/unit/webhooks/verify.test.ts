import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  legacySignature,
  memoryReplayCheck,
  standardSignature,
  verifyWebhook,
  WebhookVerificationError,
} from '../../../src/webhooks';

const secret = generateWebhookSecret();
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const now = () => NOW;
const nowSeconds = Math.floor(NOW / 1000);

const event = {
  id: 'evt_0123456789abcdef',
  type: 'checkout.completed',
  created_at: new Date(NOW).toISOString(),
  data: { checkout_session_id: 'cs_1', checkout_mode: 'onboarding', connection_id: 'conn_1', reference_id: 'user_42' },
};
const body = JSON.stringify(event);

function signed(overrides: { id?: string; timestamp?: number; body?: string; secret?: string } = {}) {
  const id = overrides.id ?? event.id;
  const timestamp = overrides.timestamp ?? nowSeconds;
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${standardSignature(overrides.secret ?? secret, id, timestamp, overrides.body ?? body)}`,
  };
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).code;
}

describe('verifyWebhook', () => {
  it('matches the Standard Webhooks reference signature', () => {
    // Test vector from the Standard Webhooks specification's reference libraries.
    expect(standardSignature('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('given an authentic delivery, when verified, then returns the event', async () => {
    const verified = await verifyWebhook(body, signed(), { secret, now });
    expect(verified).toEqual(event);
  });

  it('given a Buffer body and Fetch Headers, when verified, then returns the event', async () => {
    const verified = await verifyWebhook(Buffer.from(body), new Headers(signed()), { secret, now });
    expect(verified.id).toBe(event.id);
  });

  it('given a tampered body, when verified, then rejects it as invalid_signature', async () => {
    const tampered = body.replace('user_42', 'user_43');
    expect(await rejection(verifyWebhook(tampered, signed(), { secret, now }))).toBe('invalid_signature');
  });

  it('given the same JSON re-serialised with different spacing, when verified, then rejects it', async () => {
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);
    expect(await rejection(verifyWebhook(reserialised, signed(), { secret, now }))).toBe('invalid_signature');
  });

  it('given parsed JSON instead of the raw body, when verified, then rejects it as invalid_payload', async () => {
    expect(await rejection(verifyWebhook(event as unknown as string, signed(), { secret, now }))).toBe('invalid_payload');
  });

  it('given a signature made with another secret, when verified, then rejects it', async () => {
    const headers = signed({ secret: generateWebhookSecret() });
    expect(await rejection(verifyWebhook(body, headers, { secret, now }))).toBe('invalid_signature');
  });

  it('given a validly signed delivery older than the tolerance, when verified, then rejects it as too old', async () => {
    const headers = signed({ timestamp: nowSeconds - 301 });
    expect(await rejection(verifyWebhook(body, headers, { secret, now }))).toBe('timestamp_too_old');
  });

  it('given a validly signed delivery from the future, when verified, then rejects it as too new', async () => {
    const headers = signed({ timestamp: nowSeconds + 301 });
    expect(await rejection(verifyWebhook(body, headers, { secret, now }))).toBe('timestamp_too_new');
  });

  it('given a signature moved to a fresher timestamp, when verified, then rejects it', async () => {
    const old = signed({ timestamp: nowSeconds - 3600 });
    const headers = { ...old, 'webhook-timestamp': String(nowSeconds) };
    expect(await rejection(verifyWebhook(body, headers, { secret, now }))).toBe('invalid_signature');
  });

  it('given a delivery whose id was already accepted, when verified again, then rejects it as replayed', async () => {
    const replayCheck = memoryReplayCheck({ now });
    await verifyWebhook(body, signed(), { secret, now, replayCheck });
    expect(await rejection(verifyWebhook(body, signed(), { secret, now, replayCheck }))).toBe('replayed');
  });

  it('given a forged delivery, when checked, then its id is not remembered as seen', async () => {
    const replayCheck = memoryReplayCheck({ now });
    await rejection(verifyWebhook(body, signed({ secret: generateWebhookSecret() }), { secret, now, replayCheck }));
    await expect(verifyWebhook(body, signed(), { secret, now, replayCheck })).resolves.toEqual(event);
  });

  it('given several signatures (secret rotation), when one matches, then accepts it', async () => {
    const headers = signed();
    const other = standardSignature(generateWebhookSecret(), event.id, nowSeconds, body);
    const rotated = { ...headers, 'webhook-signature': `v1,${other} ${headers['webhook-signature']}` };
    await expect(verifyWebhook(body, rotated, { secret, now })).resolves.toEqual(event);
  });

  it('given no Standard Webhooks headers, when verified with defaults, then rejects it as missing_headers', async () => {
    const headers = { 'x-lava-signature': legacySignature(secret, body) };
    expect(await rejection(verifyWebhook(body, headers, { secret, now }))).toBe('missing_headers');
  });

  it('given only x-lava-signature and allowLegacySignature, when verified, then accepts an authentic body and rejects a tampered one', async () => {
    const headers = { 'x-lava-signature': legacySignature(secret, body) };
    await expect(verifyWebhook(body, headers, { secret, now, allowLegacySignature: true })).resolves.toEqual(event);
    const tampered = body.replace('conn_1', 'conn_2');
    expect(await rejection(verifyWebhook(tampered, headers, { secret, now, allowLegacySignature: true }))).toBe('invalid_signature');
  });

  it('given only x-lava-signature, when the body was created longer ago than the tolerance, then rejects it as too old (as far ahead: too new)', async () => {
    const at = (ms: number) => JSON.stringify({ ...event, created_at: new Date(ms).toISOString() });
    const legacy = (b: string) => ({ 'x-lava-signature': legacySignature(secret, b) });
    const options = { secret, now, allowLegacySignature: true };
    await expect(verifyWebhook(at(NOW - 299_000), legacy(at(NOW - 299_000)), options)).resolves.toMatchObject({ id: event.id });
    expect(await rejection(verifyWebhook(at(NOW - 301_000), legacy(at(NOW - 301_000)), options))).toBe('timestamp_too_old');
    expect(await rejection(verifyWebhook(at(NOW + 301_000), legacy(at(NOW + 301_000)), options))).toBe('timestamp_too_new');
    const undated = JSON.stringify({ ...event, created_at: 'yesterday' });
    expect(await rejection(verifyWebhook(undated, legacy(undated), options))).toBe('invalid_timestamp');
  });

  it('given a legacy delivery accepted once, when it is replayed after the tolerance window of the replay check, then its id is still remembered', async () => {
    let clock = NOW;
    const replayCheck = memoryReplayCheck({ now: () => clock });
    const headers = { 'x-lava-signature': legacySignature(secret, body) };
    await verifyWebhook(body, headers, { secret, now: () => clock, allowLegacySignature: true, replayCheck });
    clock += 301_000;
    // A verifier with a wider tolerance than the check's: the id, not the time, refuses it.
    expect(await rejection(verifyWebhook(body, headers, { secret, now: () => clock, allowLegacySignature: true, toleranceSeconds: 3600, replayCheck }))).toBe('replayed');
    expect(await replayCheck(event.id, nowSeconds, { legacy: false })).toBe(true);
  });

  it('given a standard delivery, when its signature header is stripped and the legacy one kept, then the legacy path still checks created_at and the id', async () => {
    const replayCheck = memoryReplayCheck({ now });
    const headers = { ...signed(), 'x-lava-signature': legacySignature(secret, body) };
    await verifyWebhook(body, headers, { secret, now, allowLegacySignature: true, replayCheck });
    const { 'webhook-signature': _stripped, ...downgraded } = headers;
    expect(await rejection(verifyWebhook(body, downgraded, { secret, now, allowLegacySignature: true, replayCheck }))).toBe('replayed');
    const later = () => NOW + 3600_000;
    expect(await rejection(verifyWebhook(body, downgraded, { secret, now: later, allowLegacySignature: true }))).toBe('timestamp_too_old');
  });

  it('given a secret that is not whsec_<base64>, when verifying, then throws invalid_secret', async () => {
    expect(await rejection(verifyWebhook(body, signed(), { secret: 'hunter2', now }))).toBe('invalid_secret');
  });
});
