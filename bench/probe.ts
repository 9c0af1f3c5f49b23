/**
 * Init script for every frame of a benchmark page. Inside the checkout frame it records, in
 * epoch milliseconds (performance.timeOrigin + now, comparable across the page and the frame):
 * - connectedAt: the host answered the hello (a preloaded frame is ready for a token);
 * - renderedAt: the app first rendered into #root (its loading state);
 * - focusedAt: the phone input became document.activeElement;
 * - interactiveAt: the next task after that focus ran (the main thread is free to take input);
 * - langAt: when <html lang> first took each value (the app sets it with the catalog it draws).
 */
export const FRAME_PROBE = `(() => {
  if (window === window.top) return;
  const bench = (window.__bench = {});
  const now = () => performance.timeOrigin + performance.now();
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'connect' && !bench.connectedAt) bench.connectedAt = now();
  });
  const check = () => {
    const el = document.activeElement;
    if (bench.focusedAt || !el || el.tagName !== 'INPUT' || el.type !== 'tel') return;
    bench.focusedAt = now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { bench.interactiveAt = now(); channel.port1.close(); };
    channel.port2.postMessage(0);
  };
  new MutationObserver((_, observer) => {
    const root = document.getElementById('root');
    if (root && root.firstChild) { bench.renderedAt = now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener('focusin', check, true);
  window.addEventListener('focus', check, true);
  const langAt = (bench.langAt = {});
  const seeLang = () => {
    const lang = document.documentElement && document.documentElement.lang;
    if (lang && !langAt[lang]) langAt[lang] = now();
  };
  new MutationObserver(seeLang).observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
})();`;

export interface ProbeState {
  connectedAt?: number;
  focusedAt?: number;
  interactiveAt?: number;
  renderedAt?: number;
  /** When <html lang> first took each value (epoch ms). */
  langAt?: Record<string, number>;
  /** Added by the reader: the phone input has focus now. */
  phoneFocused?: boolean;
  /** Added by the reader, for a probe that times out: the step heading and the focused element. */
  heading?: string | null;
  active?: string | null;

}

/** Milestones of the frame's document (epoch ms), read from Navigation and Resource Timing. */
export const FRAME_MILESTONES = `(() => {
  const at = (t) => (t ? performance.timeOrigin + t : undefined);
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const end = (test) => { const e = resources.find((r) => test(r.name)); return e ? at(e.responseEnd) : undefined; };
  return {
    navigationStart: performance.timeOrigin,
    htmlEnd: at(nav && nav.responseEnd),
    appScriptEnd: end((name) => /\\/assets\\/index-[^/]*\\.js$/.test(name)),
    domContentLoaded: at(nav && nav.domContentLoadedEventEnd),
    startApiEnd: end((name) => name.endsWith('/api/flow/start')),
  };
})()`;

export interface FrameMilestones {
  navigationStart: number;
  htmlEnd?: number;
  appScriptEnd?: number;
  domContentLoaded?: number;
  startApiEnd?: number;
}

/**
 * The per-engine probe, served first in the checkout page (a probed copy of dist/checkout-app:
 * WebKitWebDriver has no init scripts), so it runs from the frame's start in every engine.
 * Records, in epoch milliseconds:
 * - connectedAt: the host answered the hello (a preloaded frame is ready for a token);
 * - readyAt: the phone field became ready for typing: it is in the document with a box, and this
 *   document has focus with the field or nothing focused in it. WebKit lets a cross-origin frame
 *   focus its own field only once the customer acts in it; there the frame has focus and the
 *   first character typed moves focus to the field (keepFirstFocus in src/checkout/start/keep-first-focus.ts);
 * - nextTaskAt: the next task after that ran (the main thread is free to take the keys).
 * Checked when the DOM changes and when focus moves (`via` names which saw it). Each record is
 * posted to the top page (the merchant's origin, from the frame's referrer), where the benchmark
 * reads it: WebKit's automation focuses the frame a WebDriver command switches to, so reading
 * inside the checkout frame would give it the focus this measures.
 */
export const TYPING_PROBE = `(() => {
  if (window === window.top || !document.referrer) return;
  const probe = {};
  const now = () => performance.timeOrigin + performance.now();
  const post = () => window.top.postMessage({ benchTyping: probe }, new URL(document.referrer).origin);
  addEventListener('message', (event) => {
    if (event.data && event.data.type === 'connect' && !probe.connectedAt) { probe.connectedAt = now(); post(); }
  });
  const ready = () => {
    if (!document.hasFocus()) return false;
    const field = document.querySelector('input[type="tel"]');
    const active = document.activeElement;
    return !!field && (active === field || !active || active === document.body) && field.getClientRects().length > 0;
  };
  const changes = new MutationObserver(() => check('dom'));
  const check = (via) => {
    if (probe.readyAt || !ready()) return;
    probe.readyAt = now();
    probe.via = via;
    changes.disconnect();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { probe.nextTaskAt = now(); channel.port1.close(); post(); };
    channel.port2.postMessage(0);
  };
  changes.observe(document, { childList: true, subtree: true, attributes: true });
  addEventListener('focus', () => check('focus'), true);
  addEventListener('focusin', () => check('focus'), true);
})();`;

/** What TYPING_PROBE posted to the top page last (epoch ms). */
export interface TypingState {
  connectedAt?: number;
  readyAt?: number;
  nextTaskAt?: number;
  via?: 'dom' | 'focus';
}
