/** sRGB channels, 0-255. */
export type Rgb = readonly [number, number, number];

/** What a merchant's accent is drawn on, per theme (the `--lava-bg` of styles.css). */
export const THEME_BACKGROUNDS = { light: [255, 255, 255], dark: [23, 25, 29] } as const satisfies Record<string, Rgb>;

/** WCAG AA for normal text. */
const TEXT_CONTRAST = 4.5;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text on a button filled with `fill`: white or black, whichever reads better (always >= 4.58:1). */
export function textOn(fill: Rgb): Rgb {
  return contrast(fill, WHITE) >= contrast(fill, BLACK) ? WHITE : BLACK;
}

/**
 * `accent` as text (links, spinner, focus ring) on `background`: unchanged when it reads (>= 4.5:1),
 * else mixed toward black or white, in 5 % steps, until it does. The hue stays the merchant's.
 */
export function readableOn(accent: Rgb, background: Rgb): Rgb {
  const toward = luminance(background) > 0.5 ? BLACK : WHITE;
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = accent.map((channel, i) => Math.round(channel + (toward[i]! - channel) * t)) as unknown as Rgb;
    if (contrast(mixed, background) >= TEXT_CONTRAST) return mixed;
  }
  return toward;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Any CSS colour the browser knows as opaque sRGB channels, read back from a 1x1 canvas; null
 * where there is no OffscreenCanvas (jsdom, Safari before 16.4) or the colour is translucent.
 */
export function toRgb(color: string): Rgb | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const context = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return a === 255 ? [r!, g!, b!] : null;
}
