import { describe, expect, test } from 'vitest';
import { luhnValid, validateCard } from '../../../src/sandbox/payments/cards';
import type { ChargeRequest } from '../../../src/sandbox/payments/processor';
import { createSandboxProcessor } from '../../../src/sandbox/payments/sandbox-processor';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const processor = createSandboxProcessor(() => NOW);

function card(number: string, extra: Partial<{ exp_month: number; exp_year: number; cvc: string }> = {}): ChargeRequest {
  return {
    intentId: 'pi_test',
    processorRef: null,
    amount: 2500,
    currency: 'USD',
    description: 'test',
    idempotencyKey: 'key-1',
    authenticated: false,
    method: { kind: 'card', card: { number, exp_month: 12, exp_year: 2030, cvc: '123', ...extra } },
  };
}

describe('sandbox processor: Stripe test-card outcomes', () => {
  test('given 4242 4242 4242 4242, then the charge succeeds with a reusable visa ending 4242', async () => {
    const out = await processor.charge(card('4242 4242 4242 4242'));
    expect(out.status).toBe('succeeded');
    if (out.status !== 'succeeded') return;
    expect(out.card.details).toEqual({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 });
    expect(out.card.processorRef).not.toContain('4242424242424242');
  });

  test.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
  ])('given %s, then it fails with %s', async (number, code) => {
    expect(await processor.charge(card(number))).toMatchObject({ status: 'failed', code });
  });

  test('given 4000 0025 0000 3155, then it needs authentication, and succeeds once authenticated', async () => {
    const first = await processor.charge(card('4000002500003155'));
    expect(first.status).toBe('requires_action');
    if (first.status !== 'requires_action') return;
    const again = await processor.charge({
      ...card('x'),
      method: { kind: 'saved', processorRef: first.card.processorRef, details: first.card.details },
      authenticated: true,
    });
    expect(again.status).toBe('succeeded');
  });

  test('given a saved card, then it keeps its number behaviour', async () => {
    const declined = await processor.charge(card('4000000000000002'));
    expect(declined.status).toBe('failed');
    const ok = await processor.charge(card('4242424242424242'));
    if (ok.status !== 'succeeded') throw new Error('expected success');
    const reuse = await processor.charge({ ...card('x'), method: { kind: 'saved', processorRef: ok.card.processorRef, details: ok.card.details } });
    expect(reuse.status).toBe('succeeded');
    const forged = await processor.charge({ ...card('x'), method: { kind: 'saved', processorRef: 'card_real_123', details: ok.card.details } });
    expect(forged).toMatchObject({ status: 'failed', code: 'invalid_card' });
  });

  test('given a valid number that is not a test card, then it is declined with a hint', async () => {
    const out = await processor.charge(card('4111111111111111'));
    expect(out).toMatchObject({ status: 'failed', code: 'card_declined' });
    if (out.status === 'failed') expect(out.message).toMatch(/4242/);
  });

  test.each([
    ['a number failing Luhn', card('4242424242424241'), 'number'],
    ['letters in the number', card('4242abcd42424242'), 'number'],
    ['a month of 13', card('4242424242424242', { exp_month: 13 }), 'exp'],
    ['last month', card('4242424242424242', { exp_month: 10, exp_year: 2026 }), 'exp'],
    ['a two-digit CVC', card('4242424242424242', { cvc: '12' }), 'cvc'],
    ['a 3-digit CVC on amex', card('378282246310005', { cvc: '123' }), 'cvc'],
  ])('given %s, then invalid_card names the %s field', async (_n, request, fieldName) => {
    expect(await processor.charge(request)).toMatchObject({ status: 'failed', code: 'invalid_card', field: fieldName });
  });

  test('given this month as expiry and a two-digit year, then the card is still valid', () => {
    expect(validateCard({ number: '4242424242424242', exp_month: 11, exp_year: 26, cvc: '123' }, NOW)).toMatchObject({ ok: true });
  });

  test('given known numbers, then Luhn agrees', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4000002500003155')).toBe(true);
    expect(luhnValid('4242424242424243')).toBe(false);
  });
});
