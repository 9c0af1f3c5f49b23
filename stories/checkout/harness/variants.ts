/** Story-level globals: the dark theme, and the 360x640 phone viewport (the story tests resize to it). */
export const dark = { theme: 'dark' } as const;
export const phone = { viewport: { value: 'phone', isRotated: false } } as const;
export const phoneDark = { ...dark, ...phone } as const;
