/**
 * A card network as customers know it ("visa" -> "Visa", "amex" -> "American Express"): the
 * processor sends its own lowercase id. Names of networks, the same in every language. An id
 * this table lacks is shown with its first letter capitalized and underscores as spaces.
 */
const NAMES: Record<string, string> = {
  amex: 'American Express',
  cartes_bancaires: 'Cartes Bancaires',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

export function cardBrandName(brand: string): string {
  const id = brand.trim().toLowerCase();
  return NAMES[id] ?? (brand.charAt(0).toUpperCase() + brand.slice(1)).replace(/_/g, ' ');
}
