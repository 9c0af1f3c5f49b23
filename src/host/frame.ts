import { connectMessage, isHello } from '../contract/messages';
import { setStyle } from './style';

/**
 * The checkout iframe on the modern embed URL (no secret in it), in a full-viewport layer, with
 * the parent end of the handshake. It starts hidden, so it can be preloaded.
 */
export interface CheckoutFrame {
  base: string;
  iframe: HTMLIFrameElement;
  /** The port of the latest accepted hello (an app that reloads says hello again). */
  port?: MessagePort;
  onPort?: (port: MessagePort) => void;
  /** Show it over the page with the host-drawn loading state; lock scroll; take focus (Escape there calls `onEscape`). */
  show(onEscape: () => void): void;
  /** The app is ready: swap the loading state for the app and move focus into it. */
  reveal(): void;
  /** Inline: follow the app's content height, at most one change per 50 ms (the latest wins). */
  resize(height: number): void;
  /** Remove it and every listener; undo the scroll lock and give focus back if it was shown. */
  destroy(): void;
}

/** With `into`, the frame sits inline in that element: no backdrop, scroll lock or focus moves. */
export function createFrame(base: string, into?: HTMLElement): CheckoutFrame {
  const origin = new URL(base).origin;
  const root = document.createElement('div');
  const spinner = document.createElement('div');
  const iframe = document.createElement('iframe');
  let restorePage: (() => void) | undefined;
  let height = 0;
  let sizeTimer: ReturnType<typeof setTimeout> | undefined;

  function onMessage(event: MessageEvent): void {
    const child = iframe.contentWindow;
    // Right window, then right shape, then right origin.
    if (!child || event.source !== child || !isHello(event.data) || event.origin !== origin) return;
    const { port1, port2 } = new MessageChannel();
    frame.port?.close();
    frame.port = port1;
    child.postMessage(connectMessage(), origin, [port2]);
    frame.onPort?.(port1);
  }

  // Fixed over the visible viewport: 100dvh follows phones' dynamic toolbars (a browser
  // without dvh ignores it and keeps inset 0). Until shown it is inert (no focus, no clicks, out
  // of the accessibility tree) and transparent, not visibility:hidden: Chrome throttles a hidden
  // cross-origin frame, and a warm one then took ~20 ms longer to take the token.
  setStyle(root, {
    ...(into ? { position: 'relative', minHeight: '64px' } : { position: 'fixed', inset: '0', height: '100dvh', zIndex: '2147483647' }),
    opacity: '0',
    pointerEvents: 'none',
  });
  // Grey reads on the dark backdrop and on a light or dark merchant container alike.
  setStyle(spinner, {
    position: 'absolute',
    inset: '0',
    margin: 'auto',
    width: '32px',
    height: '32px',
    border: '3px solid',
    borderColor: '#aaa #8884 #8884',
    borderRadius: '50%',
  });
  spinner.role = 'status';
  spinner.ariaLabel = 'Loading checkout';
  iframe.src = `${base}embed/checkout`;
  iframe.title = 'Lava checkout';
  iframe.allow = 'payment; otp-credentials';
  // 'strict-origin': the Referer says no more than the handshake does (the page's origin, never its
  // path or query), and ancestorOrigins stay unmasked (no-referrer masks them in Firefox).
  iframe.referrerPolicy = 'strict-origin';
  setStyle(iframe, { display: 'block', width: '100%', height: into ? '0' : '100%', border: '0', opacity: '0' });
  // Tab order stays in the checkout: focus landing on either edge goes back into the iframe.
  const edge = () => {
    const span = document.createElement('span');
    span.tabIndex = 0;
    span.onfocus = () => iframe.focus();
    return span;
  };
  root.append(...(into ? [spinner, iframe] : [edge(), spinner, iframe, edge()]));
  root.inert = true;
  (into ?? document.body).append(root);
  window.addEventListener('message', onMessage);

  const frame: CheckoutFrame = {
    base,
    iframe,
    show(onEscape) {
      spinner.animate?.([{ transform: 'rotate(1turn)' }], { duration: 800, iterations: Infinity });
      root.inert = false;
      // pointer-events: a merchant modal may have set `none` on <body>.
      setStyle(root, { opacity: '1', pointerEvents: 'auto' });
      if (into) return;
      // Scroll is locked on <html>, not <body>: merchants' modal libraries lock <body>, so the two
      // locks nest and each restores only what it changed. Focus goes back where it was.
      const html = document.documentElement.style;
      const overflow = html.overflow;
      const focused = document.activeElement as HTMLElement | null;
      html.overflow = 'hidden';
      restorePage = () => {
        html.overflow = overflow;
        focused?.focus?.({ preventScroll: true });
      };
      root.role = 'dialog';
      root.ariaModal = 'true';
      root.ariaLabel = iframe.title;
      root.tabIndex = -1;
      // While loading, focus is on this layer; once the app has it, the app handles Escape.
      root.onkeydown = (event) => event.key === 'Escape' && onEscape();
      root.style.background = '#0008';
      root.focus({ preventScroll: true });
    },
    reveal() {
      spinner.remove();
      iframe.style.opacity = '1';
      // Inline: focus stays where the customer put it.
      into || iframe.focus({ preventScroll: true });
    },
    resize(next) {
      height = next;
      // An overlay fills the viewport whatever the content.
      if (into)
        sizeTimer ??= setTimeout(() => {
          sizeTimer = undefined;
          iframe.style.height = `${height}px`;
        }, 50);
    },
    destroy() {
      clearTimeout(sizeTimer);
      window.removeEventListener('message', onMessage);
      frame.port?.close();
      root.remove();
      restorePage?.();
    },
  };
  return frame;
}
