export type Theme = 'light' | 'dark';

export function themeOf(globals: Record<string, unknown>): Theme {
  return globals.theme === 'dark' ? 'dark' : 'light';
}

export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
