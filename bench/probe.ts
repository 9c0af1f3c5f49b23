/**
 * Init script for every frame of a benchmark page. Inside the checkout frame it records, in
 * epoch milliseconds (performance.timeOrigin + now, comparable across the page and the frame):
 * - connectedAt: the host answered the hello (a preloaded frame is ready for a token);
 * - renderedAt: the app first rendered into #root (its loading state);
 * - focusedAt: the phone input became document.activeElement;
 * - interactiveAt: the next task after that focus ran (the main thread is free to take input).
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
})();`;

export interface ProbeState {
  connectedAt?: number;
  focusedAt?: number;
  interactiveAt?: number;
  renderedAt?: number;
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
