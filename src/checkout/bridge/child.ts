import { helloMessage, type InitMessage, isConnect, parseHostMessage } from '../../contract';
import type { HostLink } from './host-link';

export interface Handshake {
  /** The merchant page's origin, learned from the port-carrying reply. */
  parentOrigin: string;
  init: InitMessage;
  link: HostLink;
}

/**
 * What the page's inline script (index.html) left: it said hello and kept the parent's answers,
 * and for each answer what came on its port (`messages[i]` for `events[i]`).
 */
export interface EarlyHello {
  events: MessageEvent[];
  messages: MessageEvent[][];
  stop(): void;
}

export interface ChildBridge {
  handshake: Promise<Handshake>;
  /** The handshake, when it was already complete as the bridge started (from kept answers). */
  settled: Handshake | null;
  /** The host has answered the hello (its port is accepted); the token may still be on its way. */
  connected: boolean;
  dispose(): void;
}

/**
 * Child end of the bridge: say hello to the parent (secret-free, the only message ever posted
 * with a broad target), accept exactly one `connect` that comes from the parent window and
 * carries one port, then talk on that port only. When the page's inline script already said
 * hello, its kept answers go through the same checks instead, and no second hello is posted.
 */
export function connectToHost(win: Window = window): ChildBridge {
  let port: MessagePort | null = null;
  let closeHandler: Parameters<HostLink['onCloseRequest']>[0] | null = null;
  let settled: Handshake | null = null;
  let settle: ((value: Handshake) => void) | null = null;
  const handshake = new Promise<Handshake>((resolve) => {
    settle = (value) => {
      settled = value;
      resolve(value);
    };
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
    accepted.onmessage = onPortMessage;
    accepted.start();

    function onPortMessage(portEvent: MessageEvent): void {
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
    }
  }

  win.addEventListener('message', onWindowMessage);
  const early = takeEarlyHello(win);
  if (early) {
    early.events.forEach((event, i) => {
      const kept = event.ports[0];
      onWindowMessage(event);
      if (kept && kept === port) {
        for (const message of early.messages[i] ?? []) kept.onmessage?.(message);
      } else if (kept) {
        kept.onmessage = null;
      }
    });
  } else {
    const target = win.location.ancestorOrigins?.[0];
    win.parent.postMessage(helloMessage(), target && target !== 'null' ? target : '*');
  }

  return {
    handshake,
    get settled() {
      return settled;
    },
    get connected() {
      return port !== null;
    },
    dispose() {
      win.removeEventListener('message', onWindowMessage);
      if (port) port.onmessage = null;
      port?.close();
    },
  };
}

function takeEarlyHello(win: Window): EarlyHello | undefined {
  const holder = win as Window & { __lavaEarlyHello?: EarlyHello };
  const early = holder.__lavaEarlyHello;
  if (!early) return undefined;
  holder.__lavaEarlyHello = undefined;
  early.stop();
  return early;
}

/**
 * The origin the server checks against the session. A merchant page framed by another site is
 * not the merchant's checkout (clickjacking): report the first ancestor that differs from the
 * parent, so the server refuses it as it refuses a foreign parent (as the legacy path's
 * frame-ancestors does for every ancestor).
 *
 * An engine may mask an entry as `"null"` (Firefox does, as the HTML standard says, when a frame's
 * `referrerpolicy` is `no-referrer`, or `same-origin` across origins). A masked parent is not the
 * merchant: the handshake's origin stands for it. A masked ancestor beyond the parent is some page
 * framing the merchant that hides its origin, so it is reported as it is and the server refuses it.
 */
export function reportedOrigin(win: Window, parentOrigin: string): string {
  const ancestors = win.location.ancestorOrigins;
  if (!ancestors) return parentOrigin;
  for (let i = 0; i < ancestors.length; i++) {
    const ancestor = ancestors[i]!;
    if (i === 0 && ancestor === MASKED) continue;
    if (ancestor !== parentOrigin) return ancestor;
  }
  return parentOrigin;
}

/** How an engine writes an ancestor origin it hides. */
const MASKED = 'null';
