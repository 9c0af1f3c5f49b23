import { createContext, useContext } from 'react';
import { en, type Strings } from './en';

export type { Strings };

/** The catalog for a locale; English is the only one so far and the fallback for all. */
export function stringsFor(_locale?: string): Strings {
  return en;
}

export const StringsContext = createContext<Strings>(en);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
