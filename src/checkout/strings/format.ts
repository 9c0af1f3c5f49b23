/** A decimal string as money fields carry it: "12", "12.5", "12.50", "-3.00". */
const DECIMAL = /^-?\d+(?:\.(\d+))?$/;

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, fractionDigits: number | undefined): Intl.NumberFormat {
  const key = `${locale} ${currency} ${fractionDigits ?? ''}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(fractionDigits === undefined ? {} : { maximumFractionDigits: fractionDigits }),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * An amount in a currency as the locale writes it: formatMoney('de', '12.50', 'USD') is
 * "12,50 $". Shows the currency's usual decimals ("12.5" USD -> "$12.50", "1200.00" JPY in ja ->
 * "￥1,200") and never rounds away a digit the amount has ("0.125" USD -> "$0.125").
 */
export function formatMoney(locale: string, amount: string, currency: string): string {
  const match = DECIMAL.exec(amount);
  if (!match) throw new RangeError(`formatMoney: "${amount}" is not a decimal string`);
  const decimals = (match[1] ?? '').replace(/0+$/, '').length;
  // A double holds any decimal of up to 15 significant digits closely enough that rounding it to
  // its own number of decimals gives those digits back; money here has at most 12.
  if (amount.replace(/^-?0*|\./g, '').length > 15) throw new RangeError(`formatMoney: "${amount}" has more than 15 digits`);
  const usual = moneyFormat(locale, currency, undefined).resolvedOptions().maximumFractionDigits ?? 2;
  const format = moneyFormat(locale, currency, decimals > usual ? decimals : undefined);
  return format.format(Number(amount));
}

const expiryFormats = new Map<string, Intl.DateTimeFormat>();

/** A card's expiry as the locale writes a month and a two-digit year: "04/31" in en, "4/31" in es. */
export function formatCardExpiry(locale: string, month: number, year: number): string {
  let format = expiryFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: '2-digit', year: '2-digit', timeZone: 'UTC' });
    expiryFormats.set(locale, format);
  }
  const fullYear = year < 100 ? 2000 + year : year;
  return format.format(Date.UTC(fullYear, month - 1, 1));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

/** A decimal string as the locale writes it in an amount field, without currency or grouping: "12.50" in de is "12,50". */
export function formatAmountInput(locale: string, amount: string): string {
  if (!DECIMAL.test(amount)) return amount;
  return numberFormat(locale).format(Number(amount));
}

/**
 * What a customer typed in an amount field, as the decimal string money fields carry: the
 * locale's decimal separator or a point ("12,50" and "12.50" in de are both "12.50"), in Latin or
 * Arabic-Indic digits; currency signs, spaces and the locale's grouping are dropped. What is
 * still not an amount is left for the flow to refuse.
 */
export function parseAmountInput(locale: string, text: string): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(10000.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  let kept = text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x6f0))
    // The Arabic decimal and thousands separators, whichever digits the engine writes ar with.
    .replace(/\u066b/g, '.')
    .replace(/[\s\u00a0\u202f\u066c]/g, '');
  if (decimal !== '.' && kept.includes(decimal)) {
    kept = kept.split('.').join('').split(group).join('').replace(decimal, '.');
  } else if (group !== '.') {
    kept = kept.split(group).join('');
  }
  return kept.replace(/[^\d.-]/g, '');
}
