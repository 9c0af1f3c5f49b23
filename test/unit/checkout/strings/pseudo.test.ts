import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../../src/checkout/strings';
import { en } from '../../../../src/checkout/strings/en';
import { entryTexts, MERCHANT } from './entries';

describe('the en-XA pseudo-locale', () => {
  it('given every entry, then it is at least 1.3 times as long as English', async () => {
    const pseudo = new Map(entryTexts(await loadCatalog('en-XA')).map((entry) => [entry.path, entry.text]));
    for (const { path, text } of entryTexts(en)) {
      expect(pseudo.get(path)!.length, path).toBeGreaterThanOrEqual(Math.ceil(text.length * 1.3));
    }
  });

  it('given every entry, then no English letter is left outside the values it was given', async () => {
    for (const { path, text, args } of entryTexts(await loadCatalog('en-XA'))) {
      const own = args.reduce<string>((rest, arg) => (typeof arg === 'string' ? rest.replaceAll(arg, '') : rest), text);
      // "CVC", "SMS" and the like are accented too: nothing in English survives.
      expect(own, path).not.toMatch(/[A-Za-z]/);
    }
  });

  it('given values, then they are shown exactly as given', async () => {
    const pseudo = await loadCatalog('en-XA');
    expect(pseudo.payment.pay('$25.00')).toContain('$25.00');
    expect(pseudo.dialogLabel(MERCHANT)).toContain(MERCHANT);
    expect(pseudo.amount.lead('$5.00', '$500.00')).toMatch(/\$5\.00.*\$500\.00/);
    expect(pseudo.code.resendIn(3)).toContain('3');
    expect(pseudo.payment.savedCard('Visa', '4242', 4, 2031)).toContain('04/31');
  });

  it('given a string, then it is bracketed, accented and padded', async () => {
    const pseudo = await loadCatalog('en-XA');
    expect(pseudo.phone.title).toBe('[Ëñţéŕ ýöûŕ þĥöñé ñûɱƀéŕ ··········]');
  });
});
