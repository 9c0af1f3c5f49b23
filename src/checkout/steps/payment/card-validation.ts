export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
}

export type CardProblem =
  | { field: 'number'; reason: 'incomplete' | 'invalid' }
  | { field: 'expiry'; reason: 'format' | 'past' }
  | { field: 'cvc'; reason: 'length'; length: number };

export interface CheckedCard {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** American Express has 15 digits and a 4-digit CVC; the cards we take otherwise have 16 and 3. */
export function cardShape(digits: string): { length: number; cvc: number; groups: number[] } {
  return /^3[47]/.test(digits) ? { length: 15, cvc: 4, groups: [4, 6, 5] } : { length: 16, cvc: 3, groups: [4, 4, 4, 4] };
}

/** "4242424242424242" -> "4242 4242 4242 4242" while typing. */
export function formatCardNumber(value: string): string {
  const digits = digitsOf(value);
  const shape = cardShape(digits);
  const parts: string[] = [];
  let at = 0;
  for (const size of shape.groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** "1230" -> "12 / 30" while typing. */
export function formatExpiry(value: string): string {
  const digits = digitsOf(value).slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

/** Validate the card fields; `now` decides what "in the future" means. */
export function checkCard(fields: CardFields, now: Date): { ok: true; card: CheckedCard } | { ok: false; problems: CardProblem[] } {
  const problems: CardProblem[] = [];
  const number = digitsOf(fields.number);
  const shape = cardShape(number);
  if (number.length < shape.length) problems.push({ field: 'number', reason: 'incomplete' });
  else if (number.length > shape.length || !luhn(number)) problems.push({ field: 'number', reason: 'invalid' });

  const expiry = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(fields.expiry.replace(/\s+\/\s+/, '/'));
  let exp_month = 0;
  let exp_year = 0;
  if (!expiry) problems.push({ field: 'expiry', reason: 'format' });
  else {
    exp_month = Number(expiry[1]);
    exp_year = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
    // Cards are not issued for more than 20 years: "12/99" is a typo, not 2099.
    if (exp_month < 1 || exp_month > 12 || exp_year > now.getFullYear() + 20) problems.push({ field: 'expiry', reason: 'format' });
    else if (exp_year * 12 + exp_month < now.getFullYear() * 12 + now.getMonth() + 1) problems.push({ field: 'expiry', reason: 'past' });
  }

  const cvc = digitsOf(fields.cvc);
  if (cvc.length !== shape.cvc || cvc.length !== fields.cvc.trim().length) problems.push({ field: 'cvc', reason: 'length', length: shape.cvc });

  return problems.length === 0 ? { ok: true, card: { number, exp_month, exp_year, cvc } } : { ok: false, problems };
}
