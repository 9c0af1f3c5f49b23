import { describe, expect, it } from 'vitest';
import { formatAmountInput, formatCardExpiry, formatMoney, parseAmountInput } from '../../../../src/checkout/strings';

describe('formatMoney', () => {
  it.each([
    ['en-US', '12.50', 'USD', '$12.50'],
    ['en', '1234.5', 'USD', '$1,234.50'],
    ['en', '12', 'USD', '$12.00'],
    ['de', '12.50', 'USD', '12,50\u00a0$'],
    ['de', '1234.50', 'USD', '1.234,50\u00a0$'],
    ['de', '12.50', 'EUR', '12,50\u00a0€'],
    // French groups digits with a narrow no-break space and sets the currency off with a no-break space.
    ['fr', '1234.50', 'USD', '1\u202f234,50\u00a0$US'],
    ['ja', '1200', 'JPY', '￥1,200'],
    ['ja', '1200.00', 'JPY', '￥1,200'],
  ])('given %s, %s %s, then %j', (locale, amount, currency, expected) => {
    expect(formatMoney(locale, amount, currency)).toBe(expected);
  });

  it('given locales whose output depends on the engine’s data, then what Intl.NumberFormat gives for the same value', () => {
    for (const locale of ['ar', 'he', 'pt-BR', 'zh-CN', 'pl']) {
      const expected = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(12.5);
      expect(formatMoney(locale, '12.50', 'USD'), locale).toBe(expected);
    }
  });

  it('given more decimals than the currency shows, then none is rounded away', () => {
    expect(formatMoney('en', '0.125', 'USD')).toBe('$0.125');
    expect(formatMoney('en', '0.10', 'USD')).toBe('$0.10');
    expect(formatMoney('en', '2.500', 'USD')).toBe('$2.50');
  });

  it('given amounts a float would not hold, then every digit as written', () => {
    expect(formatMoney('en', '0.30', 'USD')).toBe('$0.30');
    expect(formatMoney('en', '1.005', 'USD')).toBe('$1.005');
    expect(formatMoney('en', '9999999999999.99', 'USD')).toBe('$9,999,999,999,999.99');
    expect(formatMoney('en', '-3.00', 'USD')).toBe('-$3.00');
  });

  it('given text that is not a decimal string, then a RangeError', () => {
    for (const amount of ['12,50', '$12.50', '1e3', '', ' 12.50', '12.', '.5', '12345678901234567.89']) {
      expect(() => formatMoney('en', amount, 'USD'), amount).toThrow(RangeError);
    }
  });
});

describe('formatCardExpiry', () => {
  it('given April 2031, then 04/31 in English and German', () => {
    expect(formatCardExpiry('en', 4, 2031)).toBe('04/31');
    expect(formatCardExpiry('de', 4, 2031)).toBe('04/31');
  });

  it('given a two-digit year, then the same as the four-digit one', () => {
    expect(formatCardExpiry('en', 12, 30)).toBe(formatCardExpiry('en', 12, 2030));
  });

  it('given December and January, then the month and year are not moved by the time zone', () => {
    expect(formatCardExpiry('en', 12, 2030)).toBe('12/30');
    expect(formatCardExpiry('en', 1, 2031)).toBe('01/31');
  });

  it('given other locales, then what Intl.DateTimeFormat writes for a month and two-digit year', () => {
    for (const locale of ['ja', 'nl', 'pl']) {
      const expected = new Intl.DateTimeFormat(locale, { month: '2-digit', year: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2031, 3, 1));
      expect(formatCardExpiry(locale, 4, 2031), locale).toBe(expected);
    }
  });
});

describe('amount field', () => {
  it.each([
    ['en', '12.5', '12.50'],
    ['de', '12.50', '12,50'],
    ['de', '1234.50', '1234,50'],
    ['fr', '25', '25,00'],
  ])('given %s and %s, then the field shows %j', (locale, amount, expected) => {
    expect(formatAmountInput(locale, amount)).toBe(expected);
  });

  it.each([
    ['en', '12.50', '12.50'],
    ['en', '$1,234.50', '1234.50'],
    ['de', '12,50', '12.50'],
    ['de', '12.50', '12.50'],
    ['de', '1.234,50 $', '1234.50'],
    ['fr', '1\u202f234,50', '1234.50'],
    ['pt-BR', 'US$ 25,00', '25.00'],
    ['ar', '\u0661\u0662\u066b\u0665\u0660', '12.50'],
    ['en', 'abc', ''],
  ])('given %s and the customer typed %j, then the amount is %j', (locale, typed, expected) => {
    expect(parseAmountInput(locale, typed)).toBe(expected);
  });
});
