import { toMinor } from '../../contract/money';
import { invalid } from './errors';

/** A decimal money string field ("25.00") as integer cents; 400 naming the field otherwise. */
export function moneyField(body: Record<string, unknown>, name: string, opts: { optional?: boolean } = {}): number | undefined {
  const value = body[name];
  if ((value === undefined || value === null) && opts.optional) return undefined;
  if (typeof value !== 'string') throw invalid(`'${name}' must be a decimal string such as "25.00".`);
  const minor = toMinor(value);
  if (minor === null) throw invalid(`'${name}' must be a non-negative amount with at most 2 decimals, such as "25.00".`);
  return minor;
}
