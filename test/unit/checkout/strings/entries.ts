import type { Catalog } from '../../../../src/checkout/strings';

/** For every entry that takes arguments, the arguments to call it with, in the catalog's own shape. */
type Samples<T> = {
  [K in keyof T as T[K] extends string ? never : K]: T[K] extends (...args: infer A) => string ? A : Samples<T[K]>;
};

export const MERCHANT = 'Acme Tools';
export const MASKED = '+1 •••• ••00';

export const SAMPLES: Samples<Catalog> = {
  dialogLabel: [MERCHANT],
  phone: { lead: [MERCHANT], ownerLead: [MASKED], countryButton: ['Canada', '+1'], countryResults: [3], invalidForCountry: ['Canada'] },
  code: { lead: [MASKED], resendIn: [3] },
  wallet: { linkTitle: [MERCHANT], linkLead: [MERCHANT] },
  amount: { lead: ['$5.00', '$500.00'], outOfRange: ['$5.00', '$500.00'] },
  plan: { per: ['month'], included: ['$10.00'], alreadyLead: ['Pro Plan', MERCHANT] },
  bundle: { credit: ['$25.00'] },
  payment: { savedCard: ['Visa', '4242', 4, 2031], pay: ['$25.00'], subscribe: ['$25.00'], cvcInvalid: [3] },
  challenge: {},
  done: { returning: [MERCHANT] },
  failure: {},
  notFramed: {},
  errors: {},
  rateLimitedFor: [20],
};

export interface EntryText {
  /** "payment.pay" */
  path: string;
  text: string;
  /** What the entry was called with; empty for a plain string. */
  args: readonly unknown[];
}

/** Every entry of a catalog as the customer would read it: strings as they are, functions called with SAMPLES. */
export function entryTexts(catalog: Catalog): EntryText[] {
  const out: EntryText[] = [];
  const walk = (node: Record<string, unknown>, samples: Record<string, unknown> | undefined, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const path = `${prefix}${key}`;
      const sample = samples?.[key];
      if (typeof value === 'string') out.push({ path, text: value, args: [] });
      else if (typeof value === 'function') {
        const args = sample as unknown[];
        out.push({ path, text: (value as (...a: unknown[]) => string)(...args), args });
      } else walk(value as Record<string, unknown>, sample as Record<string, unknown>, `${path}.`);
    }
  };
  walk(catalog as unknown as Record<string, unknown>, SAMPLES as unknown as Record<string, unknown>, '');
  return out;
}

/** The key paths of an object, nested ones as "a.b", sorted. */
export function keyPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix.slice(0, -1)];
  return Object.entries(node)
    .flatMap(([key, value]) => keyPaths(value, `${prefix}${key}.`))
    .sort();
}
