import type { Catalog } from './catalog';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'Ë', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

/** "[Ëñţéŕ ýöûŕ þĥöñé ñûɱƀéŕ ·········]": 40% longer than English, as German and French often are. */
function pseudoText(text: string): string {
  return `[${text} ${'·'.repeat(Math.ceil(text.length * 0.4))}]`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An entry's sentence with the English words accented and the caller's values (a merchant's
 * name, an amount, a masked number) left exactly as given.
 */
function pseudoEntry(entry: (...args: never[]) => string): (...args: never[]) => string {
  return (...args) => {
    const english = entry(...args);
    const values = (args as unknown[]).filter((arg): arg is string => typeof arg === 'string' && arg !== '');
    if (values.length === 0) return pseudoText(accent(english));
    // Longest first, so a value that contains another is kept whole.
    const kept = new RegExp(`(${values.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`);
    const parts = english.split(kept).map((part, index) => (index % 2 === 1 ? part : accent(part)));
    return pseudoText(parts.join(''));
  };
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(accent(value));
  if (typeof value === 'function') return pseudoEntry(value as (...args: never[]) => string);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, pseudoValue(inner)]));
}

/** A catalog's every string accented and padded, every entry wrapped the same way. */
export function pseudoLocalize(catalog: Catalog): Catalog {
  return pseudoValue(catalog) as Catalog;
}
