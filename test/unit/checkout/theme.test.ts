import { describe, expect, it } from 'vitest';
import { applyAppearance, appearanceVariables } from '../../../src/checkout/theme/appearance';
import { stripeAppearance } from '../../../src/checkout/theme/stripe-appearance';

const supportsAll = () => true;

describe('theme and appearance', () => {
  it('given accent, radius and font, then they become custom properties', () => {
    expect(appearanceVariables({ accent: '#0a7', radius: 4, font: 'Inter, sans-serif' }, supportsAll)).toEqual({
      '--lava-accent': '#0a7',
      '--lava-radius': '4px',
      '--lava-font': 'Inter, sans-serif',
    });
  });

  it('given values the browser rejects, then the theme keeps its own', () => {
    expect(appearanceVariables({ accent: 'red; background: url(x)', font: 'x' }, () => false)).toEqual({});
  });

  it.each(['light', 'dark', 'auto'] as const)('given theme %s, then the root says so', (theme) => {
    const root = document.createElement('html');
    applyAppearance(root, { theme, radius: 0 });
    expect(root.dataset.theme).toBe(theme);
    expect(root.style.getPropertyValue('--lava-radius')).toBe('0px');
  });

  it('given no theme, then it follows the system', () => {
    const root = document.createElement('html');
    applyAppearance(root, {});
    expect(root.dataset.theme).toBe('auto');
  });

  it.each([
    [{ theme: 'dark' as const }, false, 'night'],
    [{ theme: 'light' as const }, true, 'stripe'],
    [{ theme: 'auto' as const }, true, 'night'],
    [{}, false, 'stripe'],
  ])('given %o with system dark %s, then Stripe Elements use the %s theme', (appearance, dark, theme) => {
    expect(stripeAppearance(appearance, dark).theme).toBe(theme);
  });

  it('given accent, radius and font, then Stripe Elements get the same', () => {
    expect(stripeAppearance({ accent: '#123456', radius: 6, font: 'Inter' }, false).variables).toEqual({
      colorPrimary: '#123456',
      borderRadius: '6px',
      fontFamily: 'Inter',
    });
  });
});
