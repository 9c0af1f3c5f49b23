import { vi } from 'vitest';

/**
 * A fake iframe window for the child end of the bridge: its parent records posts, listeners are
 * kept in a set, and window messages are delivered by hand (ports may be real MessageChannel ends).
 */
export function frameWindow(ancestor?: string, pathname = '/embed/checkout') {
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = { postMessage: vi.fn() };
  const win = {
    parent,
    location: { pathname, ancestorOrigins: ancestor ? [ancestor] : undefined },
    addEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
  };
  const deliver = (event: Partial<MessageEvent>) => {
    for (const fn of [...listeners]) fn({ ports: [], origin: 'http://localhost:5173', ...event } as MessageEvent);
  };
  return { win: win as unknown as Window, parent, deliver, listeners };
}

const channels: MessageChannel[] = [];

/** A MessageChannel that closeChannels() closes (call it after each test). */
export function channel(): MessageChannel {
  const ch = new MessageChannel();
  channels.push(ch);
  return ch;
}

export function closeChannels(): void {
  for (const ch of channels.splice(0)) {
    ch.port1.close();
    ch.port2.close();
  }
}

/**
 * Resolves once a message has been delivered on `port`. Node delivers port messages in the event
 * loop's poll phase, so a 0 ms timer can fire first on a busy machine; wait for the delivery itself.
 */
export function delivered(port: MessagePort): Promise<void> {
  return new Promise((resolve) => port.addEventListener('message', () => resolve(), { once: true }));
}
