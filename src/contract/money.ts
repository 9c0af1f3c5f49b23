/**
 * Money is a decimal string on the wire ("12.50") and integer minor units (cents) in code.
 * Never a float.
 */
const DECIMAL = /^(0|[1-9]\d{0,9})(?:\.(\d{1,2}))?$/;

/** "12.5" -> 1250; null when the string is not a non-negative amount with at most 2 decimals. */
export function toMinor(amount: string): number | null {
  const match = DECIMAL.exec(amount);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** 1250 -> "12.50" (negative values keep their sign). */
export function fromMinor(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
