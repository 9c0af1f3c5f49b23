import type { CardInput } from '../../contract/flow-api';

export type CardField = 'number' | 'exp' | 'cvc';

/** A card as a confirm request sent it: CardInput's fields, unchecked until validateCard. */
export type CardFields = Partial<Record<keyof CardInput, unknown>>;

export interface CardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^6(011|5)/.test(digits)) return 'discover';
  return 'unknown';
}

/**
 * Checks a card the way a card form does: Luhn, an expiry that has not passed (`now`), and a
 * CVC of 3 digits (4 for American Express). Spaces and dashes in the number are ignored.
 */
export function validateCard(
  card: unknown,
  now: number,
): { ok: true; digits: string; details: CardDetails; cvc: string } | { ok: false; field: CardField; message: string } {
  if (typeof card !== 'object' || card === null) return { ok: false, field: 'number', message: 'Enter your card details.' };
  const c = card as CardFields;
  const digits = typeof c.number === 'string' ? c.number.replace(/[\s-]/g, '') : '';
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    return { ok: false, field: 'number', message: 'Your card number is not valid.' };
  }
  const month = c.exp_month;
  let year = c.exp_year;
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    return { ok: false, field: 'exp', message: 'The expiry month is not valid.' };
  }
  if (typeof year !== 'number' || !Number.isInteger(year)) return { ok: false, field: 'exp', message: 'The expiry year is not valid.' };
  if (year < 100) year += 2000;
  const today = new Date(now);
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  if (year * 12 + month < current) return { ok: false, field: 'exp', message: 'Your card has expired.' };
  if (year > today.getUTCFullYear() + 20) return { ok: false, field: 'exp', message: 'The expiry year is not valid.' };
  const brand = brandOf(digits);
  const cvc = typeof c.cvc === 'string' ? c.cvc : '';
  if (!(brand === 'amex' ? /^\d{4}$/ : /^\d{3}$/).test(cvc)) {
    return { ok: false, field: 'cvc', message: `Your security code must be ${brand === 'amex' ? 4 : 3} digits.` };
  }
  return { ok: true, digits, cvc, details: { brand, last4: digits.slice(-4), exp_month: month, exp_year: year } };
}
