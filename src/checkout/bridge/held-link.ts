import type { AppMessage } from '../../contract';
import type { HostLink } from './host-link';

export interface HeldLink {
  /** Sends go into a queue until `release`, then straight through; close requests come as before. */
  link: HostLink;
  /** Send what waited, in order, each as `rewrite` makes it. Safe to call more than once. */
  release(rewrite?: (message: AppMessage) => AppMessage): void;
}

/**
 * Hold what the app tells the host (ready first of all: the host shows the frame on it), so the
 * customer is not shown a screen the app is about to redraw.
 */
export function holdLink(link: HostLink): HeldLink {
  let queue: AppMessage[] | null = [];
  return {
    link: {
      send: (message) => (queue ? queue.push(message) : link.send(message)),
      onCloseRequest: (handler) => link.onCloseRequest(handler),
    },
    release(rewrite = (message) => message) {
      const waiting = queue ?? [];
      queue = null;
      for (const message of waiting) link.send(rewrite(message));
    },
  };
}
