import { describe, expect, test } from 'vitest';
import { createSandboxProcessor } from '../../../src/sandbox/payments/sandbox-processor';
import type { PaymentProcessor } from '../../../src/sandbox/payments/processor';
import { chargeCount, GOOD_CARD, newKey, readyToPay, startHarness, testPhone } from './harness';

/** The offline processor, except that its first call fails as a network error would. */
function failingOnce(): PaymentProcessor & { calls: number } {
  const real = createSandboxProcessor(Date.now);
  const processor = {
    kind: 'sandbox' as const,
    calls: 0,
    async charge(request: Parameters<PaymentProcessor['charge']>[0]) {
      processor.calls += 1;
      if (processor.calls === 1) throw new Error('processor unreachable');
      return real.charge(request);
    },
  };
  return processor;
}

describe('a processor call that fails', () => {
  test('given the processor throws, then nothing is recorded, the lock is released and the same key charges once on retry', async () => {
    const processor = failingOnce();
    const h = await startHarness({ processor });
    const { token, session } = await readyToPay(h, testPhone(40));
    const intent = (await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), amount: '20.00' })).json;
    const key = newKey();
    const confirm = () => h.flow('POST', 'payment/confirm', token, { intent_id: intent.intent_id, idempotency_key: key, card: GOOD_CARD });

    expect((await confirm()).status).toBe(500);
    const row = h.sandbox.db
      .prepare('SELECT p.status, s.charging_intent_id, (SELECT COUNT(*) FROM confirm_attempts) AS attempts FROM payment_intents p JOIN checkout_sessions s ON s.id = p.session_id WHERE p.id = ?')
      .get(intent.intent_id);
    expect(row).toEqual({ status: 'requires_payment_method', charging_intent_id: null, attempts: 0 });

    const retried = await confirm();
    expect(retried.json).toMatchObject({ status: 'succeeded', checkout_session_id: session.checkout_session_id });
    expect((await confirm()).json).toEqual(retried.json);
    expect(processor.calls).toBe(2);
    expect(await chargeCount(h)).toBe(1);
  });
});
