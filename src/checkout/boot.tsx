import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { Appearance, EmbedMode } from '../contract';
import { App } from './App';
import { createFlowApi } from './api/client';
import type { HostLink } from './bridge/host-link';
import { reportTo } from './bridge/report';
import { createFlowController, type FlowController } from './flow/controller';
import { browserStorage, idempotencyKeys } from './flow/idempotency';
import { initialState } from './flow/machine';
import type { Session } from './flow/types';
import { countryOptions } from './steps/phone/countries';
import { StringsContext, stringsFor } from './strings';
import { applyAppearance } from './theme/appearance';
import { AppearanceContext } from './theme/context';

export interface BootOptions {
  root: Root;
  secret: string;
  /** From the handshake; null on the legacy path (the server then names the origin). */
  parentOrigin: string | null;
  link: HostLink;
  embed: EmbedMode;
  appearance: Appearance;
  /** The app draws the backdrop: the legacy host frames it full screen and transparent. */
  backdrop: boolean;
  locale?: string;
  /** The host answers close attempts (init.confirmClose); the legacy host does not. */
  confirmClose?: boolean;
  onSession?: (session: Session) => void;
}

/** Wire the flow to the API, the host and the screens, then start. */
export function boot(options: BootOptions): FlowController {
  applyAppearance(document.documentElement, options.appearance);
  document.documentElement.dataset.embed = options.embed;
  const storage = browserStorage();
  const controller = createFlowController(
    {
      api: createFlowApi({ origin: window.location.origin }),
      secret: options.secret,
      parentOrigin: options.parentOrigin,
      keys: (sessionId) => idempotencyKeys(storage, sessionId),
    },
    reportTo(options.link, { session: (session) => options.onSession?.(session) }),
    initialState(options.confirmClose),
  );
  options.link.onCloseRequest(() => controller.dispatch({ type: 'CLOSE', byHost: true }));
  const onResize = options.embed === 'inline' ? (height: number) => options.link.send({ type: 'resize', height }) : undefined;
  options.root.render(
    <StrictMode>
      <StringsContext.Provider value={stringsFor(options.locale)}>
        <AppearanceContext.Provider value={options.appearance}>
          <App controller={controller} backdrop={options.backdrop} onResize={onResize} language={options.locale ?? navigator.language} />
        </AppearanceContext.Provider>
      </StringsContext.Provider>
    </StrictMode>,
  );
  controller.dispatch({ type: 'START' });
  // While /start is in flight: building the country list creates Intl.DisplayNames, 40-330 ms in a
  // fresh renderer (npm run bench), which otherwise lands between /start's answer and the phone field.
  setTimeout(countryOptions, 0);
  return controller;
}
