import type { Appearance } from '../../contract';

/** The CSS custom properties an appearance sets; invalid values fall back to the theme's own. */
export function appearanceVariables(appearance: Appearance, supports: (property: string, value: string) => boolean = cssSupports): Record<string, string> {
  const vars: Record<string, string> = {};
  if (appearance.accent && supports('color', appearance.accent)) vars['--lava-accent'] = appearance.accent;
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
