import { helloMessage, type InitMessage, isConnect, parseHostMessage } from '../../contract';
import type { HostLink } from './host-link';

export interface Handshake {
  /** The merchant page's origin, learned from the port-carrying reply. */
  parentOrigin: string;
  init: InitMessage;
  link: HostLink;
}

export interface ChildBridge {
  handshake: Promise<Handshake>;
  dispose(): void;
}

/**
 * Child end of the bridge: say hello to the parent (secret-free, the only message ever posted
 * with a broad target), accept exactly one `connect` that comes from the parent window and
 * carries one port, then talk on that port only.
 */
export function connectToHost(win: Window = window): ChildBridge {
  let port: MessagePort | null = null;
  let closeHandler: Parameters<HostLink['onCloseRequest']>[0] | null = null;
  let settle: ((value: Handshake) => void) | null = null;
  const handshake = new Promise<Handshake>((resolve) => {
    settle = resolve;
  });

  function onWindowMessage(event: MessageEvent): void {
    if (port) return;
    if (event.source !== win.parent || win.parent === win) return;
    if (!isConnect(event.data)) return;
    if (event.ports.length !== 1 || !event.origin || event.origin === 'null') return;
    const parentOrigin = reportedOrigin(win, event.origin);
    const accepted = event.ports[0]!;
    port = accepted;
    win.removeEventListener('message', onWindowMessage);
    const link: HostLink = {
      send: (message) => accepted.postMessage(message),
      onCloseRequest: (handler) => {
        closeHandler = handler;
      },
    };
    accepted.onmessage = (portEvent: MessageEvent) => {
      const message = parseHostMessage(portEvent.data);
      if (!message) return;
      if (message.type === 'init') {
        if (!settle) return;
        const done = settle;
        settle = null;
        done({ parentOrigin, init: message, link });
      } else {
        closeHandler?.(message);
      }
    };
    accepted.start();
  }

  win.addEventListener('message', onWindowMessage);
  const target = win.location.ancestorOrigins?.[0];
  win.parent.postMessage(helloMessage(), target && target !== 'null' ? target : '*');

  return {
    handshake,
    dispose() {
      win.removeEventListener('message', onWindowMessage);
      if (port) port.onmessage = null;
      port?.close();
    },
  };
}

/**
 * The origin the server checks against the session. A merchant page framed by another site is
 * not the merchant's checkout (clickjacking): report the first ancestor that differs from the
 * parent, so the server refuses it as it refuses a foreign parent (as the legacy path's
 * frame-ancestors does for every ancestor).
 */
function reportedOrigin(win: Window, parentOrigin: string): string {
  const ancestors = win.location.ancestorOrigins;
  if (!ancestors) return parentOrigin;
  for (let i = 0; i < ancestors.length; i++) {
    if (ancestors[i] !== parentOrigin) return ancestors[i]!;
  }
  return parentOrigin;
}
