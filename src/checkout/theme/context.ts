import { createContext, useContext } from 'react';
import type { Appearance } from '../../contract';

export const AppearanceContext = createContext<Appearance>({});

export function useAppearance(): Appearance {
  return useContext(AppearanceContext);
}
