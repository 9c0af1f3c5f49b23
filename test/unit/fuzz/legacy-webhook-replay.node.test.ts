import { describe, expect, test } from 'vitest';
import { generateWebhookSecret, legacySignature, memoryReplayCheck, standardSignature, verifyWebhook } from '../../../src/webhooks';

/**
 * A captured webhook delivery, replayed by whoever saw it (a log, a proxy) to a merchant that
 * enabled allowLegacySignature: the `webhook-signature` header is stripped so only the timestampless
 * `x-lava-signature` is left, and the same body is sent again seconds, minutes, days and months later.
 */
describe('legacy webhook replay', () => {
  test('given a delivery the merchant accepted, when it is replayed with only x-lava-signature at any later time, then no replay is accepted', async () => {
    const secret = generateWebhookSecret();
    const sentAt = Date.UTC(2026, 10, 25, 12, 0, 0);
    const body = JSON.stringify({
      id: 'evt_captured_0001',
      type: 'checkout.completed',
      created_at: new Date(sentAt).toISOString(),
      data: { checkout_session_id: 'cs_1', checkout_mode: 'onboarding', connection_id: 'conn_1', reference_id: 'user_42' },
    });
    const seconds = Math.floor(sentAt / 1000);
    const captured = {
      'webhook-id': 'evt_captured_0001',
      'webhook-timestamp': String(seconds),
      'webhook-signature': `v1,${standardSignature(secret, 'evt_captured_0001', seconds, body)}`,
      'x-lava-signature': legacySignature(secret, body),
    };
    let clock = sentAt;
    const replayCheck = memoryReplayCheck({ now: () => clock });
    const options = () => ({ secret, now: () => clock, replayCheck, allowLegacySignature: true });
    await expect(verifyWebhook(body, captured, options())).resolves.toMatchObject({ id: 'evt_captured_0001' });

    const { 'webhook-signature': _stripped, ...legacyOnly } = captured;
    const delays = [1, 60, 299, 301, 600, 3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400];
    let accepted = 0;
    for (const delay of delays) {
      clock = sentAt + delay * 1000;
      for (const headers of [legacyOnly, { ...legacyOnly, 'webhook-timestamp': String(Math.floor(clock / 1000)) }]) {
        if (await verifyWebhook(body, headers, options()).then(() => true, () => false)) accepted++;
      }
    }
    console.log(`[attacks] legacy webhook replay: ${delays.length * 2} attempts, ${accepted} accepted`);
    expect(accepted).toBe(0);
  });
});
