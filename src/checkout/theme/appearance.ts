import type { Appearance } from '../../contract';
import { type Rgb, readableOn, textOn, THEME_BACKGROUNDS, toHex, toRgb } from './contrast';

/**
 * The CSS custom properties an appearance sets; invalid values fall back to the theme's own. A
 * merchant accent also gets text that reads on it, and an ink that reads on each theme's
 * background (a black accent would otherwise vanish in the dark theme).
 */
export function appearanceVariables(
  appearance: Appearance,
  supports: (property: string, value: string) => boolean = cssSupports,
  rgbOf: (color: string) => Rgb | null = toRgb,
): Record<string, string> {
  const vars: Record<string, string> = {};
  if (appearance.accent && supports('color', appearance.accent)) {
    vars['--lava-accent'] = appearance.accent;
    const rgb = rgbOf(appearance.accent);
    if (rgb) {
      vars['--lava-accent-text'] = toHex(textOn(rgb));
      vars['--lava-accent-ink-light'] = toHex(readableOn(rgb, THEME_BACKGROUNDS.light));
      vars['--lava-accent-ink-dark'] = toHex(readableOn(rgb, THEME_BACKGROUNDS.dark));
    }
  }
  if (appearance.radius !== undefined) vars['--lava-radius'] = `${appearance.radius}px`;
  if (appearance.font && supports('font-family', appearance.font)) vars['--lava-font'] = appearance.font;
  return vars;
}

/** Theme on the root element (`data-theme`), appearance as custom properties. */
export function applyAppearance(root: HTMLElement, appearance: Appearance): void {
  root.dataset.theme = appearance.theme ?? 'auto';
  for (const [name, value] of Object.entries(appearanceVariables(appearance))) root.style.setProperty(name, value);
}

function cssSupports(property: string, value: string): boolean {
  if (typeof CSS === 'undefined' || typeof CSS.supports !== 'function') return !/[;{}]/.test(value);
  return CSS.supports(property, value);
}
