/**
 * Idempotency keys for charges. A key is made and stored (sessionStorage, keyed by checkout
 * session) before the request that uses it, and reused on every retry of that request, so a
 * double click, a lost answer or a reload never charges twice. A confirm key is replaced only
 * after the processor gave a final "no" (a decline), so the next card is a new attempt.
 */
export interface IdempotencyKeys {
  intentKey(amount: string | undefined): string;
  confirmKey(intentId: string): string;
  /** The answer to a 3-D Secure challenge is its own attempt, retried with its own key. */
  challengeKey(challengeId: string): string;
  /** After a definitive failure: the next confirm is a new attempt. */
  rotateConfirmKey(intentId: string): void;
}

export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

export interface BrowserStorage extends KeyStorage {
  /** False when the frame may not use sessionStorage (a browser blocking third-party storage). */
  readonly survivesReload: boolean;
  /** Choose now rather than on first use: for a frame with idle time before its checkout. */
  open(): void;
}

/**
 * sessionStorage when the frame may use it, memory otherwise, chosen on first use (or `open()`):
 * opening sessionStorage is a synchronous round trip to the browser in a fresh frame (5-10 ms),
 * which does not belong on the way to the phone field; it is first needed by start (the kept
 * flow token, flow-token-store.ts), after the phone field is drawn and focused. A preloaded
 * frame opens it while it waits, so its start does not pay for it.
 */
export function browserStorage(): BrowserStorage {
  let chosen: { storage: KeyStorage; survivesReload: boolean } | null = null;
  const choose = () => {
    chosen ??= sessionOrMemory();
    return chosen;
  };
  return {
    open: () => void choose(),
    getItem: (key) => choose().storage.getItem(key),
    setItem: (key, value) => choose().storage.setItem(key, value),
    removeItem: (key) => choose().storage.removeItem(key),
    get survivesReload() {
      return choose().survivesReload;
    },
  };
}

function sessionOrMemory(): { storage: KeyStorage; survivesReload: boolean } {
  try {
    const storage = window.sessionStorage;
    const probe = '__lava_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { storage, survivesReload: true };
  } catch {
    return { storage: memoryStorage(), survivesReload: false };
  }
}

/**
 * 128 random bits as hex. `crypto.randomUUID` exists only in secure contexts; a sandbox reached
 * over plain http on a LAN address (testing on a phone) is not one, `getRandomValues` is everywhere.
 */
export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function idempotencyKeys(storage: KeyStorage, checkoutSessionId: string, newKey: () => string = randomKey): IdempotencyKeys {
  const prefix = `lava:idem:${checkoutSessionId}:`;
  function getOrCreate(name: string): string {
    const existing = storage.getItem(prefix + name);
    if (existing) return existing;
    const key = newKey();
    storage.setItem(prefix + name, key);
    return key;
  }
  return {
    intentKey: (amount) => getOrCreate(`intent:${amount ?? 'fixed'}`),
    confirmKey: (intentId) => getOrCreate(`confirm:${intentId}`),
    challengeKey: (challengeId) => getOrCreate(`challenge:${challengeId}`),
    rotateConfirmKey: (intentId) => storage.removeItem(`${prefix}confirm:${intentId}`),
  };
}
