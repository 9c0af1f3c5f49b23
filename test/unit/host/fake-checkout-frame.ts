import { vi } from 'vitest';
import { type AppMessage, connectMessage, type HostMessage, helloMessage } from '../../../src/contract/messages';
import { encodeToken } from '../../../src/contract/token';
import { createFakeApp } from '../../../src/testing/fake-app';

/** The checkout base every test token points at, and its origin. */
export const BASE = 'https://checkout.lavapayments.com/';
export const ORIGIN = 'https://checkout.lavapayments.com';
export const SECRET = 'cs_secret_0123456789abcdef';

export function token(base = BASE, secret = SECRET): string {
  return encodeToken({ secret, base });
}

/** Wait for MessagePort deliveries (Node delivers them on a later turn of the event loop). */
export function flush(): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, 15));
}
// Captured before any test installs fake timers.
const realSetTimeout = globalThis.setTimeout;

export function checkoutIframes(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll('iframe'));
}

/**
 * Plays the checkout app inside the host's iframe: says hello from the iframe's window and
 * origin, receives the transferred port, and hands it to the one fake checkout app
 * (src/testing/fake-app.ts), which records what the host sends. It answers nothing by itself:
 * each test sends what the app would. The one helper every host and React test uses.
 */
export class FakeCheckoutFrame {
  readonly connects: Array<{ message: unknown; targetOrigin: string }> = [];
  private readonly app = createFakeApp({ answers: false });

  constructor(readonly iframe: HTMLIFrameElement) {
    const child = iframe.contentWindow;
    if (!child) throw new Error('iframe has no window: is it in the document?');
    // jsdom cannot load the cross-origin app; catch what the host posts to the child instead.
    vi.spyOn(child, 'postMessage').mockImplementation(((message: unknown, targetOrigin: string, transfer?: Transferable[]) => {
      this.connects.push({ message, targetOrigin });
      const port = transfer?.[0] as MessagePort | undefined;
      if (port) this.app.attach(port);
    }) as typeof child.postMessage);
  }

  /** Everything the host sent on its ports, as the app reads it. */
  get received(): HostMessage[] {
    return this.app.received;
  }

  /** The port of the latest accepted hello, or null. */
  get port(): MessagePort | null {
    return this.app.port as MessagePort | null;
  }

  /** The single checkout iframe on the page (throws when there is not exactly one). */
  static current(): FakeCheckoutFrame {
    const frames = checkoutIframes();
    if (frames.length !== 1) throw new Error(`expected one checkout iframe, found ${frames.length}`);
    return new FakeCheckoutFrame(frames[0]!);
  }

  /** Post a message to the host's window as if it came from `source` at `origin`. */
  postToHost(data: unknown, { origin = ORIGIN, source = this.iframe.contentWindow as MessageEventSource | null } = {}): void {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  }

  hello(options?: { origin?: string; source?: MessageEventSource | null }): void {
    this.postToHost(helloMessage(), options);
  }

  /** Send on the port, as the app does after the handshake. */
  async send(message: AppMessage | unknown): Promise<void> {
    if (!this.port) throw new Error('no port: the host never accepted the hello');
    this.app.post(message);
    await flush();
  }

  /** hello -> port -> init -> ready. */
  async connectAndReady(): Promise<void> {
    this.hello();
    await flush();
    await this.send({ type: 'ready', step: 'phone' });
  }

  get initMessages(): HostMessage[] {
    return this.received.filter((m) => m.type === 'init');
  }

  close(): void {
    this.port?.close();
  }
}

export { connectMessage };
