import { describe, expect, it } from 'vitest';
import { contrast, type Rgb, readableOn, textOn, THEME_BACKGROUNDS, toHex } from '../../../src/checkout/theme/contrast';
import { appearanceVariables } from '../../../src/checkout/theme/appearance';

const hex = (value: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as unknown as Rgb;

describe('merchant accents that read in both themes', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // The light theme's default accent on white.
    expect(contrast(hex('#c2410c'), [255, 255, 255])).toBeCloseTo(5.18, 2);
  });

  it.each([
    ['#000000', '#ffffff'],
    ['#1e3a8a', '#ffffff'],
    ['#ffeb3b', '#000000'],
    ['#7fdbff', '#000000'],
    ['#777777', '#000000'],
  ])('given a button filled with %s, then its text is %s (at least 4.5:1)', (accent, text) => {
    expect(toHex(textOn(hex(accent)))).toBe(text);
    expect(contrast(hex(accent), hex(text))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['#000000', '#1e3a8a', '#ffeb3b', '#7fdbff', '#777777', '#c2410c', '#ff8a65', '#00ff00'])(
    'given the accent %s, then its ink reads on both theme backgrounds',
    (accent) => {
      for (const background of Object.values(THEME_BACKGROUNDS)) {
        expect(contrast(readableOn(hex(accent), background), background)).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('given an accent that already reads, then its ink is the accent itself', () => {
    expect(toHex(readableOn(hex('#c2410c'), THEME_BACKGROUNDS.light))).toBe('#c2410c');
    expect(toHex(readableOn(hex('#ff8a65'), THEME_BACKGROUNDS.dark))).toBe('#ff8a65');
  });

  it('given a black accent in the dark theme, then the ink is lightened only as far as needed', () => {
    const ink = readableOn([0, 0, 0], THEME_BACKGROUNDS.dark);
    expect(contrast(ink, THEME_BACKGROUNDS.dark)).toBeGreaterThanOrEqual(4.5);
    // One 5 % step less would not read.
    const lighter = ink[0] - 13;
    expect(contrast([lighter, lighter, lighter], THEME_BACKGROUNDS.dark)).toBeLessThan(4.5);
  });

  it('given a yellow accent, then the app sets black button text and a darkened ink for the light theme', () => {
    const vars = appearanceVariables({ accent: 'gold' }, () => true, () => hex('#ffd700'));
    expect(vars['--lava-accent']).toBe('gold');
    expect(vars['--lava-accent-text']).toBe('#000000');
    expect(contrast(hex(vars['--lava-accent-ink-light']!), THEME_BACKGROUNDS.light)).toBeGreaterThanOrEqual(4.5);
    expect(vars['--lava-accent-ink-dark']).toBe('#ffd700');
  });

  it('given an accent the browser cannot read back as an opaque colour, then only the accent is set', () => {
    expect(appearanceVariables({ accent: '#0008' }, () => true, () => null)).toEqual({ '--lava-accent': '#0008' });
  });
});
