import { describe, expect, it } from 'vitest';
import { checkCard, formatCardNumber, formatExpiry, luhn } from '../../../src/checkout/steps/payment/card-validation';

const now = new Date(2026, 10, 25);

describe('card validation', () => {
  it.each([
    ['4242424242424242', true],
    ['4000000000000002', true],
    ['4000000000009995', true],
    ['4000002500003155', true],
    ['4242424242424241', false],
    ['', false],
  ])('Luhn of %s is %s', (digits, ok) => {
    expect(luhn(digits)).toBe(ok);
  });

  it('formats numbers and expiry while typing', () => {
    expect(formatCardNumber('42424242424242429999')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatExpiry('1234')).toBe('12 / 34');
    expect(formatExpiry('1')).toBe('1');
  });

  it('given a good card, then it is accepted with month and four-digit year', () => {
    expect(checkCard({ number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }, now)).toEqual({
      ok: true,
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
  });

  it('given this month, then the card is still valid', () => {
    expect(checkCard({ number: '4242424242424242', expiry: '11/26', cvc: '123' }, now).ok).toBe(true);
  });

  it.each([
    [{ number: '4242 4242', expiry: '12/34', cvc: '123' }, { field: 'number', reason: 'incomplete' }],
    [{ number: '4242 4242 4242 4241', expiry: '12/34', cvc: '123' }, { field: 'number', reason: 'invalid' }],
    [{ number: '4242424242424242', expiry: '13/34', cvc: '123' }, { field: 'expiry', reason: 'format' }],
    [{ number: '4242424242424242', expiry: 'ab', cvc: '123' }, { field: 'expiry', reason: 'format' }],
    [{ number: '4242424242424242', expiry: '12/99', cvc: '123' }, { field: 'expiry', reason: 'format' }],
    [{ number: '4242424242424242', expiry: '10/26', cvc: '123' }, { field: 'expiry', reason: 'past' }],
    [{ number: '4242424242424242', expiry: '12/34', cvc: '12' }, { field: 'cvc', reason: 'length', length: 3 }],
    [{ number: '378282246310005', expiry: '12/34', cvc: '123' }, { field: 'cvc', reason: 'length', length: 4 }],
  ])('given %o, then it names the field and why', (fields, problem) => {
    expect(checkCard(fields, now)).toEqual({ ok: false, problems: [problem] });
  });
});
