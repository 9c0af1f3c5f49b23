import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { Appearance } from '../../contract';
import { App } from '../App';
import type { FlowController } from '../flow/controller';
import { StringsContext, stringsFor } from '../strings';
import { AppearanceContext } from '../theme/context';
import { FocusContext } from '../ui/focus-context';

/** What one render of the app shows, and with what. */
export interface AppView {
  controller: FlowController;
  backdrop: boolean;
  locale?: string;
  appearance: Appearance;
  onResize?: (height: number) => void;
  /** The step may take focus: not in a frame drawn before the host opened it. */
  mayFocus: boolean;
}

/** Render the app in `root` inside its providers (focus, strings, appearance). */
export function drawApp(root: Root, view: AppView): void {
  root.render(
    <StrictMode>
      <FocusContext.Provider value={view.mayFocus}>
        <StringsContext.Provider value={stringsFor(view.locale)}>
          <AppearanceContext.Provider value={view.appearance}>
            <App controller={view.controller} backdrop={view.backdrop} onResize={view.onResize} language={view.locale ?? navigator.language} />
          </AppearanceContext.Provider>
        </StringsContext.Provider>
      </FocusContext.Provider>
    </StrictMode>,
  );
}
