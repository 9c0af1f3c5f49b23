/**
 * Init script for the top page: counts the event listeners that stay on `window` and `document`
 * (listeners on removed elements go away with them; these two outlive every checkout).
 * `window.__listeners()` answers `{ message, global }`: live `message` listeners on window, and
 * every live listener on window and document.
 */
export const LISTENER_PROBE = `(() => {
  if (window !== window.top) return;
  const live = [];
  const capture = (options) => (typeof options === 'boolean' ? options : !!(options && options.capture));
  const find = (target, type, listener, options) =>
    live.findIndex((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(options));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener && find(this, type, listener, options) < 0) {
      const once = typeof options === 'object' && options !== null && options.once;
      if (!once) live.push({ target: this, type, listener, capture: capture(options) });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const at = find(this, type, listener, options);
    if (at >= 0) live.splice(at, 1);
    return remove.call(this, type, listener, options);
  };
  window.__listeners = () => ({
    message: live.filter((l) => l.target === window && l.type === 'message').length,
    global: live.length,
  });
})();`;

export interface ListenerCounts {
  message: number;
  global: number;
}
