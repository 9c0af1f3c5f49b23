import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { Appearance, Prefill } from '../../contract';
import { App } from '../App';
import type { FlowController } from '../flow/controller';
import { type Catalog, catalogNow, type Locale, LocaleContext, StringsContext } from '../strings';
import { AppearanceContext } from '../theme/context';
import { FocusContext } from '../ui/focus-context';

/** The words the app shows and the locale they are in. */
export interface AppLanguage {
  locale: Locale;
  strings: Catalog;
  /** The tag as the host sent it (its region picks the phone step's country), else the browser's. */
  requested?: string;
}

/** English, before the host has said which locale. */
export const ENGLISH: AppLanguage = { locale: 'en', strings: catalogNow('en')! };

/** What one render of the app shows, and with what. */
export interface AppView {
  controller: FlowController;
  backdrop: boolean;
  language: AppLanguage;
  appearance: Appearance;
  /** What the merchant filled in (none in the frame drawn before init). */
  prefill?: Prefill;
  onResize?: (height: number) => void;
  /** The step may take focus: not in a frame drawn before the host opened it. */
  mayFocus: boolean;
}

/** Render the app in `root` inside its providers (focus, locale, strings, appearance). */
export function drawApp(root: Root, view: AppView): void {
  const { locale, strings, requested } = view.language;
  root.render(
    <StrictMode>
      <FocusContext.Provider value={view.mayFocus}>
        <LocaleContext.Provider value={locale}>
          <StringsContext.Provider value={strings}>
            <AppearanceContext.Provider value={view.appearance}>
              <App
                controller={view.controller}
                backdrop={view.backdrop}
                onResize={view.onResize}
                language={requested ?? navigator.language}
                prefill={view.prefill}
              />
            </AppearanceContext.Provider>
          </StringsContext.Provider>
        </LocaleContext.Provider>
      </FocusContext.Provider>
    </StrictMode>,
  );
}
