import type { Root } from 'react-dom/client';
import type { FlowController } from '../flow/controller';
import { browserStorage } from '../flow/idempotency';
import { initialState } from '../flow/initial-state';
import { directionOf, loadCatalog, negotiateLocale } from '../strings';
import { type AppLanguage, drawApp, ENGLISH } from './draw-app';
import { type CheckoutOptions, type StartedCheckout, startCheckout } from './start-checkout';

export interface EarlyPhoneStep {
  /** The token is here: start the session, tell the host the app is ready and focus the phone field. */
  start(options: CheckoutOptions): StartedCheckout;
}

/**
 * Draw the phone step at once, before the host has sent a token: in a preloaded frame it is
 * ready (hidden by the host, not focused) when open() comes, and a cold frame draws it while the
 * handshake is still going. The merchant's name fills in when start answers.
 *
 * The browser's language is the one the host most likely asks for (it is the default): its
 * catalog is fetched now and the step, still hidden, drawn again in it, so a checkout opened in
 * that language has nothing left to fetch. Any other locale is fetched once init names it.
 */
export function drawPhoneStepEarly(root: Root): EarlyPhoneStep {
  const waiting = initialState({ phoneBeforeStart: true });
  let live: FlowController | null = null;
  // Until the next render hands the screens the live controller, what they dispatch goes to it.
  const early: FlowController = { getState: () => waiting, dispatch: (event) => live?.dispatch(event), subscribe: () => () => {} };
  let opened = false;
  const draw = (language: AppLanguage) => drawApp(root, { controller: early, backdrop: false, language, appearance: {}, mayFocus: false });
  draw(ENGLISH);
  // Opening sessionStorage is a synchronous round trip to the browser: a preloaded frame makes it
  // while it waits, so start does not. Idle time only (an engine without idle callbacks opens it
  // at start, as a cold frame does).
  const storage = browserStorage();
  window.requestIdleCallback?.(() => storage.open());
  const likely = negotiateLocale(undefined, navigator.languages);
  if (likely !== 'en') {
    loadCatalog(likely).then(
      (strings) => {
        if (opened) return; // start draws from here on, in the locale init named
        document.documentElement.lang = likely;
        document.documentElement.dir = directionOf(likely);
        draw({ locale: likely, strings });
      },
      () => {}, // start asks again if init names this locale
    );
  }
  return {
    start(options) {
      opened = true;
      const started = startCheckout(root, options, { phoneDrawn: true, storage });
      live = started.controller;
      return started;
    },
  };
}
