/** Remembers what had focus and hands it back later (a no-op if it left the page). */
export function saveFocus(): () => void {
  const previous = document.activeElement as HTMLElement | null;
  return () => {
    previous?.focus?.({ preventScroll: true });
  };
}
