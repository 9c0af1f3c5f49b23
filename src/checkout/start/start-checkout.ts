import type { Root } from 'react-dom/client';
import type { Appearance, EmbedMode, Prefill } from '../../contract';
import { createFlowApi } from '../api/client';
import { holdLink } from '../bridge/held-link';
import type { HostLink } from '../bridge/host-link';
import { reportTo } from '../bridge/report';
import { createFlowController, type FlowController } from '../flow/controller';
import type { EffectDeps } from '../flow/effects';
import { flowTokenStore } from '../flow/flow-token-store';
import { type BrowserStorage, browserStorage, idempotencyKeys } from '../flow/idempotency';
import { initialState } from '../flow/initial-state';
import type { Session } from '../flow/types';
import { type Catalog, catalogNow, directionOf, loadCatalog, negotiateLocale } from '../strings';
import { applyAppearance } from '../theme/appearance';
import { type AppLanguage, type AppView, drawApp, ENGLISH } from './draw-app';
import { keepFirstFocus } from './keep-first-focus';

/** What the host sent (or the legacy page carries) to start a checkout with. */
export interface CheckoutOptions {
  secret: string;
  /** From the handshake; null on the legacy path (the server then names the origin). */
  parentOrigin: string | null;
  link: HostLink;
  embed: EmbedMode;
  appearance: Appearance;
  /** The app draws the backdrop: the legacy host frames it full screen and transparent. */
  backdrop: boolean;
  locale?: string;
  /** What the merchant filled in for the customer (init.prefill); kept in memory only. */
  prefill?: Prefill;
  /** The host answers close attempts (init.confirmClose); the legacy host does not. */
  confirmClose?: boolean;
  onSession?: (session: Session) => void;
}

export interface StartOptions {
  /** The phone step is already on screen, drawn before the token came. */
  phoneDrawn: boolean;
  /** The frame's storage, when it was made (and perhaps opened) before the token came. */
  storage?: BrowserStorage;
}

/**
 * The longest a checkout in another language waits for its catalog before it shows itself in
 * English: well inside the host's load timeout (15 s by default), so a slow chunk never ends a
 * checkout, and short enough that the customer is not kept waiting for words.
 */
export const CATALOG_WAIT_MS = 2_000;

export interface StartedCheckout {
  controller: FlowController;
  /**
   * Stop what start-up left running (the first-focus keeper, a start not yet sent). Safe to call
   * more than once.
   */
  dispose(): void;
}

/**
 * Wire the flow to the API and the host, and start it. Over the phone step already drawn, the
 * field takes focus first and `ready` goes out; /start (its storage read, the request) follows in
 * the next task, then the app re-renders with the host's appearance and strings in a task of its
 * own, so the field takes typing right away.
 * With nothing drawn yet, the one render happens at once and its step takes focus; `ready` and
 * /start follow in the next task.
 *
 * A locale other than English draws once its catalog is here: its chunk is fetched alongside
 * /start. Until then nothing goes to the host, `ready` included, so the host keeps the frame
 * hidden (preloaded) or its spinner up, and the customer never sees the English phone step drawn
 * early. A chunk that fails to load, or is not here after CATALOG_WAIT_MS, leaves the checkout in
 * English (a catalog arriving later does not change the language under the customer's fingers),
 * with nothing said to the customer.
 */
export function startCheckout(root: Root, options: CheckoutOptions, { phoneDrawn, storage = browserStorage() }: StartOptions): StartedCheckout {
  document.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  const stopKeepingFocus = keepFirstFocus(document);
  const html = document.documentElement;
  applyAppearance(html, options.appearance);
  html.dataset.embed = options.embed;
  const locale = negotiateLocale(options.locale, navigator.languages);
  const strings = catalogNow(locale);
  const catalog = strings ? null : loadCatalog(locale).catch(() => null);
  const held = strings ? null : holdLink(options.link);
  const link = held?.link ?? options.link;
  // The language the ready event names: English once a catalog that did not come gave way to it.
  let shownLocale = locale;
  let startLater: ReturnType<typeof setTimeout> | undefined;
  // Over the phone step already drawn, this task gave the field focus: `ready` goes out in it, start's
  // request in the next one, so a key pressed at once is taken first. Disposed before then, none goes.
  const nextTask = () =>
    new Promise<void>((resolve) => {
      startLater = setTimeout(resolve, 0);
    });
  const controller = createFlowController(
    { ...flowDeps(options, storage), ...(phoneDrawn ? { beforeStart: nextTask } : {}) },
    reportTo(link, { locale: () => shownLocale, session: (session) => options.onSession?.(session) }),
    initialState({ askBeforeClose: options.confirmClose, phoneBeforeStart: true }),
  );
  // Once the flow has ended there is no field left to give focus to.
  const unsubscribe = controller.subscribe(() => {
    if (controller.getState().outcome) dispose();
  });
  function dispose(): void {
    clearTimeout(startLater);
    stopKeepingFocus();
    unsubscribe();
  }
  link.onCloseRequest(() => controller.dispatch({ type: 'CLOSE', byHost: true }));
  const start = () => controller.dispatch({ type: 'START' });
  const draw = (language: AppLanguage) => {
    // Set with the strings, so the page never says one language and shows another.
    html.lang = language.locale;
    html.dir = directionOf(language.locale);
    drawApp(root, viewOf(controller, { ...options, link }, language));
  };
  if (strings && !phoneDrawn) {
    // Nothing drawn yet: the step and its focused field first; /start (the storage it reads, the
    // request) and `ready` in the next task, so a key pressed at once is taken before them.
    draw({ locale, strings, requested: options.locale });
    startLater = setTimeout(start, 0);
  } else if (strings) {
    start();
    setTimeout(() => draw({ locale, strings, requested: options.locale }), 0);
  } else {
    start();
    let shown = false;
    const show = (loaded: Catalog | null) => {
      if (shown) return;
      shown = true;
      clearTimeout(giveUp);
      const language = loaded ? { locale, strings: loaded, requested: options.locale } : { ...ENGLISH, requested: options.locale };
      shownLocale = language.locale;
      draw(language);
      // A ready event that waited here was made before the language on screen was known.
      held?.release((m) => (m.type === 'event' && m.event.type === 'ready' ? { ...m, event: { ...m.event, locale: shownLocale } } : m));
    };
    const giveUp = setTimeout(show, CATALOG_WAIT_MS, null);
    void catalog?.then(show);
  }
  return { controller, dispose };
}

function flowDeps(options: CheckoutOptions, storage: BrowserStorage): EffectDeps {
  return {
    api: createFlowApi({ origin: window.location.origin }),
    secret: options.secret,
    parentOrigin: options.parentOrigin,
    keys: (sessionId) => idempotencyKeys(storage, sessionId),
    // The legacy path never resumes: nothing to keep.
    ...(options.parentOrigin !== null ? { tokens: flowTokenStore(storage) } : {}),
  };
}

function viewOf(controller: FlowController, options: CheckoutOptions, language: AppLanguage): AppView {
  const { link, embed } = options;
  const onResize = embed === 'inline' ? (height: number) => link.send({ type: 'resize', height }) : undefined;
  // The focus above misses when nothing is drawn yet: this render's step then takes it.
  return { controller, backdrop: options.backdrop, language, appearance: options.appearance, prefill: options.prefill, onResize, mayFocus: true };
}
