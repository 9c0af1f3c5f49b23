import { describe, expect, it } from 'vitest';
import { cardBrandName } from '../../../src/checkout/steps/payment/card-brand';

describe('cardBrandName', () => {
  it.each([
    ['visa', 'Visa'],
    ['mastercard', 'Mastercard'],
    ['amex', 'American Express'],
    ['diners', 'Diners Club'],
    ['jcb', 'JCB'],
    ['unionpay', 'UnionPay'],
    ['cartes_bancaires', 'Cartes Bancaires'],
    ['Visa', 'Visa'],
  ])('given the processor id %s, then %s', (id, name) => {
    expect(cardBrandName(id)).toBe(name);
  });

  it('given an id the table lacks, then it capitalized with spaces for underscores', () => {
    expect(cardBrandName('new_network')).toBe('New network');
  });
});
