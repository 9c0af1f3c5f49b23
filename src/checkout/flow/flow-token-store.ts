import type { KeyStorage } from './idempotency';

/**
 * Where this browser keeps the verified flow token of a session, so that a reload of the merchant
 * page resumes past the phone step here and nowhere else: start proves it and the server answers a
 * rotated one, which replaces it.
 *
 * `storage`: the checkout origin's sessionStorage (the one the idempotency keys use), and the token
 * goes in start's body. It survives a reload of the tab, which is what resume is for; in a frame
 * it is partitioned by the top-level site in Chromium, Firefox and WebKit, so a token kept under
 * one merchant's page is never read under another's; it belongs to one tab, so another tab,
 * browser or device verifies by code and two tabs never spend each other's token (with
 * localStorage, a second tab's start would rotate the token the first tab is paying with, and end
 * that checkout); it is gone when the tab closes, so a shared computer keeps nothing.
 *
 * `cookie`: where the frame may not use storage (Chromium blocking third-party cookies, which
 * also blocks third-party storage; any incognito window), the server keeps the token in a
 * partitioned, HttpOnly cookie (CHIPS, keyed by the merchant's site as storage is) that the
 * browser sends with start. Start and verify then go out with credentials. That cookie is shared
 * by the tabs of this browser on this merchant's site: the last tab to open resumes.
 */
export interface FlowTokenStore {
  readonly carrier: 'storage' | 'cookie';
  /** The kept token (always null with the cookie: the browser sends it, the app never sees it). */
  read(secret: string): string | null;
  keep(secret: string, flowToken: string): void;
  forget(secret: string): void;
}

export function flowTokenStore(storage: KeyStorage & { readonly survivesReload: boolean }): FlowTokenStore {
  const inStorage = () => storage.survivesReload;
  return {
    get carrier() {
      return inStorage() ? 'storage' : 'cookie';
    },
    read: (secret) => (inStorage() ? storage.getItem(keyOf(secret)) : null),
    keep: (secret, flowToken) => {
      if (inStorage()) storage.setItem(keyOf(secret), flowToken);
    },
    forget: (secret) => {
      if (inStorage()) storage.removeItem(keyOf(secret));
    },
  };
}

/**
 * The entry is found from the session secret, since start must carry the proof before the app
 * learns the session id; a 53-bit digest (cyrb53) names it, so the secret itself is never written
 * down. A collision is harmless: the server checks that the token belongs to the session.
 */
function keyOf(secret: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < secret.length; i++) {
    const ch = secret.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `lava:flow:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)}`;
}
