/** The axe rule tags every story must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const A11Y_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
