import type { AppMessage, LegacyMessage } from '../../contract';
import type { HostLink } from './host-link';

const LEGACY_PATH = /^(.*\/embed\/checkout)\/([^/]+)\/?$/;

/**
 * The 0.1.3 URL carries the secret: `/embed/checkout/<secret>`. Read it and take it out of the
 * address bar at once, so it does not linger in history or later requests.
 */
export function takeLegacySecret(win: Window = window): string | null {
  const match = LEGACY_PATH.exec(win.location.pathname);
  if (!match) return null;
  const secret = decodeURIComponent(match[2]!);
  win.history.replaceState(null, '', match[1]!);
  return secret;
}

/**
 * The legacy page works only inside the merchant's page (a 0.1.3 host frames it). Opened as a page
 * of its own, from a link someone sent, the customer would verify and pay into a checkout whose
 * `reference_id` is the sender's. The sandbox refuses that load where the browser sends
 * `Sec-Fetch-Dest`; this catches the others.
 */
export function isFramed(win: Window = window): boolean {
  return win.top !== win;
}

/**
 * A 0.1.3 host never answers the hello and listens on window for two messages. They go to the
 * session's origin (from start) only; before start answered, to the frame's real parent origin
 * when the browser tells it, else nowhere.
 */
export function legacyLink(win: Window = window): HostLink & { setTarget(origin: string, checkoutSessionId: string): void } {
  let origin: string | null = null;
  let sessionId = '';
  function post(message: LegacyMessage): void {
    const target = origin ?? ancestorOrigin(win);
    if (target) win.parent.postMessage(message, target);
  }
  return {
    setTarget(nextOrigin, checkoutSessionId) {
      origin = nextOrigin;
      sessionId = checkoutSessionId;
    },
    send(message: AppMessage) {
      switch (message.type) {
        case 'success':
          post({ type: 'lava_checkout_success', checkoutSessionId: message.checkoutSessionId, connectionId: message.connectionId });
          return;
        case 'cancel':
        case 'error':
          // 0.1.3 knows no error message: cancel is what makes it tear the frame down.
          post({ type: 'lava_checkout_cancel', checkoutSessionId: message.checkoutSessionId ?? sessionId });
          return;
        default:
          return;
      }
    },
    onCloseRequest() {},
  };
}

function ancestorOrigin(win: Window): string | null {
  const value = win.location.ancestorOrigins?.[0];
  return value && value !== 'null' ? value : null;
}
