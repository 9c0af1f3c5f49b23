import { createContext } from 'react';

/**
 * Whether a step may take focus when it appears. False while the app waits, hidden, for its
 * host (a preloaded frame): its phone step is drawn but must not pull focus from the merchant's
 * page. Turning it on focuses the current step's first field.
 */
export const FocusContext = createContext(true);
