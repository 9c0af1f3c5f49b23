/**
 * Locks page scroll on <html>, not <body>: the merchant's own modal libraries lock <body>, so the
 * two locks nest and each restores only what it changed.
 */
export function lockScroll(): () => void {
  const style = document.documentElement.style;
  const overflow = style.overflow;
  style.overflow = 'hidden';
  return () => {
    style.overflow = overflow;
  };
}
