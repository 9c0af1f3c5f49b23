/**
 * Until the customer first acts, a document that has focus with nothing in it gives it to the
 * step's field (`[data-autofocus]`). The host focuses the frame when it shows it; racing the
 * field's own focus, that can leave nothing focused in here (Chrome, about 1 in 40 preloaded opens
 * in `npm run bench`). Checked after a focusout, when the frame (re)gains focus, and after the DOM
 * changes (a focused element that is removed gets no focusout in Chrome).
 *
 * WebKit lets a cross-origin frame focus its own elements only once the customer has acted in it,
 * so there the frame has focus and the field does not: the first character typed moves focus to
 * the field as it is pressed, and lands there.
 *
 * Ends by itself on the customer's first key or pointer press; returns what stops it sooner, which
 * its owner calls when the checkout no longer needs it.
 */
export function keepFirstFocus(doc: Document): () => void {
  const win = doc.defaultView;
  const nothingFocused = () => !doc.activeElement || doc.activeElement === doc.body;
  const focusField = () => doc.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const restore = () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (doc.hasFocus() && nothingFocused()) focusField();
    }, 0);
  };
  const changes = win ? new win.MutationObserver(restore) : null;
  const typed = (event: KeyboardEvent) => {
    const character = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (character && nothingFocused()) focusField();
    stop();
  };
  const stop = () => {
    clearTimeout(pending);
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
