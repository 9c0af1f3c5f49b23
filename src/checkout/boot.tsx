import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { Appearance, EmbedMode } from '../contract';
import { App } from './App';
import { createFlowApi } from './api/client';
import type { ChildBridge, Handshake } from './bridge/child';
import type { HostLink } from './bridge/host-link';
import { reportTo } from './bridge/report';
import { createFlowController, type FlowController } from './flow/controller';
import { flowTokenStore } from './flow/flow-token-store';
import { browserStorage, idempotencyKeys } from './flow/idempotency';
import { initialState } from './flow/initial-state';
import type { Session } from './flow/types';
import { StringsContext, stringsFor } from './strings';
import { applyAppearance } from './theme/appearance';
import { AppearanceContext } from './theme/context';
import { FocusContext } from './ui/focus-context';

export interface BootOptions {
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

export interface EarlyCheckout {
  /** The token is here: start the session, tell the host the app is ready and focus the phone field. */
  boot(options: BootOptions): FlowController;
}

interface View {
  controller: FlowController;
  backdrop: boolean;
  locale?: string;
  appearance: Appearance;
  onResize?: (height: number) => void;
  mayFocus: boolean;
}

/** How long a connected app waits for a token that a host opening a checkout sent with its answer. */
export const TOKEN_GRACE_MS = 50;

/**
 * Start the checkout from the bridge to the host, with as few renders as the timing allows:
 * - the handshake is already complete (the page's early hello was answered in time): one render;
 * - connected, no token yet: a host opening a checkout sent the token right behind its answer,
 *   so wait up to TOKEN_GRACE_MS for it before drawing without it (a preloaded frame then draws
 *   its phone step that much later, long before anyone opens it);
 * - not connected yet: draw the phone step now and start when the token comes.
 */
export function startOnHandshake(root: Root, bridge: Pick<ChildBridge, 'settled' | 'connected' | 'handshake'>, withToken: (handshake: Handshake) => BootOptions): void {
  if (bridge.settled) {
    startCheckout(root, withToken(bridge.settled));
    return;
  }
  let early: EarlyCheckout | null = null;
  const drawEarly = () => {
    early ??= prepareCheckout(root);
  };
  const timer = bridge.connected ? setTimeout(drawEarly, TOKEN_GRACE_MS) : undefined;
  if (!bridge.connected) drawEarly();
  void bridge.handshake.then((handshake) => {
    clearTimeout(timer);
    if (early) early.boot(withToken(handshake));
    else startCheckout(root, withToken(handshake));
  });
}

/**
 * Draw the phone step at once, before the host has sent a token: in a preloaded frame it is
 * ready (hidden by the host, not focused) when open() comes, and a cold frame draws it while the
 * handshake is still going. The merchant's name fills in when start answers.
 */
export function prepareCheckout(root: Root): EarlyCheckout {
  const waiting = initialState({ phoneBeforeStart: true });
  let live: FlowController | null = null;
  // Until the next render hands the screens the live controller, what they dispatch goes to it.
  const early: FlowController = { getState: () => waiting, dispatch: (event) => live?.dispatch(event), subscribe: () => () => {} };
  draw(root, { controller: early, backdrop: false, appearance: {}, mayFocus: false });
  return {
    boot: (options) => {
      live = boot(root, options, false);
      return live;
    },
  };
}

/** The token came before anything was drawn (the host answered the page's early hello): draw once, focused. */
export function startCheckout(root: Root, options: BootOptions): FlowController {
  return boot(root, options, true);
}

/**
 * Wire the flow to the API and the host and start it. Over the phone step already drawn, the
 * field takes focus first, then `ready` and /start go out, then the app re-renders with the
 * host's appearance and strings in a task of its own, so the field takes typing right away.
 * With nothing drawn yet (`drawNow`), the one render happens at once and its step takes focus.
 */
function boot(root: Root, options: BootOptions, drawNow: boolean): FlowController {
  document.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  keepFirstFocus(document);
  applyAppearance(document.documentElement, options.appearance);
  document.documentElement.dataset.embed = options.embed;
  const storage = browserStorage();
  const controller = createFlowController(
    {
      api: createFlowApi({ origin: window.location.origin }),
      secret: options.secret,
      parentOrigin: options.parentOrigin,
      keys: (sessionId) => idempotencyKeys(storage, sessionId),
      // The legacy path never resumes: nothing to keep.
      ...(options.parentOrigin !== null ? { tokens: flowTokenStore(storage) } : {}),
    },
    reportTo(options.link, { session: (session) => options.onSession?.(session) }),
    initialState({ askBeforeClose: options.confirmClose, phoneBeforeStart: true }),
  );
  options.link.onCloseRequest(() => controller.dispatch({ type: 'CLOSE', byHost: true }));
  controller.dispatch({ type: 'START' });
  const onResize = options.embed === 'inline' ? (height: number) => options.link.send({ type: 'resize', height }) : undefined;
  // The focus above misses when nothing is drawn yet: this render's step then takes it.
  const view: View = { controller, backdrop: options.backdrop, locale: options.locale, appearance: options.appearance, onResize, mayFocus: true };
  if (drawNow) draw(root, view);
  else setTimeout(() => draw(root, view), 0);
  return controller;
}

/**
 * The host focuses the frame when it shows it; racing the field's own focus, that can leave
 * nothing focused in here (Chrome, about 1 in 40 preloaded opens in `npm run bench`). Until the
 * customer first acts, a document that has focus with nothing in it gives it to the step's
 * field: checked after a focusout, when the frame (re)gains focus, and after the DOM changes (a
 * focused element that is removed gets no focusout in Chrome). WebKit lets a cross-origin frame
 * focus its own elements only once the customer has acted in it, so there the frame has focus
 * and the field does not: the first character typed moves focus to the field as it is pressed,
 * and lands there. Returns what stops it.
 */
export function keepFirstFocus(doc: Document): () => void {
  const win = doc.defaultView;
  const restore = () =>
    setTimeout(() => {
      if (doc.hasFocus() && (!doc.activeElement || doc.activeElement === doc.body)) {
        doc.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      }
    }, 0);
  const changes = win ? new win.MutationObserver(restore) : null;
  const typed = (event: KeyboardEvent) => {
    const character = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (character && (!doc.activeElement || doc.activeElement === doc.body)) {
      doc.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    stop();
  };
  const stop = () => {
    doc.removeEventListener('focusout', restore, true);
    win?.removeEventListener('focus', restore);
    changes?.disconnect();
    doc.removeEventListener('pointerdown', stop, true);
    doc.removeEventListener('keydown', typed, true);
  };
  doc.addEventListener('focusout', restore, true);
  win?.addEventListener('focus', restore);
  changes?.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  doc.addEventListener('pointerdown', stop, true);
  doc.addEventListener('keydown', typed, true);
  return stop;
}

function draw(root: Root, view: View): void {
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
