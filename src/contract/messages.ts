import type { ErrorCode } from './errors';
import type { CheckoutEvent, Step } from './events';

/**
 * The bridge between the merchant page (host) and the checkout app (iframe).
 *
 * 1. The app posts `hello` to its parent window (secret-free, so a broad target is harmless).
 * 2. The host accepts it only from its own iframe's contentWindow and the checkout origin, and
 *    answers `connect` with a MessagePort, posted to that exact origin.
 * 3. Everything else travels on the port: the token goes to the app in `init`.
 */
export const PROTOCOL = 'lava-checkout';
export const PROTOCOL_VERSION = 1;

export interface Appearance {
  theme?: 'light' | 'dark' | 'auto';
  /** CSS color for primary actions. */
  accent?: string;
  /** Corner radius in px. */
  radius?: number;
  /** CSS font-family list. */
  font?: string;
}

export type EmbedMode = 'overlay' | 'inline';

/**
 * What the merchant already knows about the customer, to fill the phone step and the new-wallet
 * form. The customer still verifies the phone by code and may change every field. Personal data:
 * it travels only in `init`, never in a URL, an event or a result.
 */
export interface Prefill {
  /** E.164 (`+14155550123`) or the national digits. */
  phone?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

// window.postMessage, before the port exists
export type HelloMessage = { protocol: typeof PROTOCOL; v: number; type: 'hello' };
export type ConnectMessage = { protocol: typeof PROTOCOL; v: number; type: 'connect' };

// host -> app, on the port
export type InitMessage = {
  type: 'init';
  secret: string;
  attemptId: string;
  embed: EmbedMode;
  appearance: Appearance;
  locale?: string;
  prefill?: Prefill;
  /**
   * The host answers the customer's close attempts: on close/Escape the app only reports
   * `close_attempt` and waits for `close_request` (the merchant may keep the checkout open).
   * Without it (older hosts) the app ends the checkout itself.
   */
  confirmClose?: boolean;
};
/** The host asks the app to close (merchant called close(), or the page is tearing down). */
export type CloseRequestMessage = { type: 'close_request' };
export type HostMessage = InitMessage | CloseRequestMessage;

// app -> host, on the port
export type ReadyMessage = { type: 'ready'; step: Step };
export type EventMessage = { type: 'event'; event: CheckoutEvent };
export type ResizeMessage = { type: 'resize'; height: number };
export type LockMessage = { type: 'lock' };
export type UnlockMessage = { type: 'unlock' };
export type SuccessMessage = { type: 'success'; connectionId: string; checkoutSessionId: string };
export type CancelMessage = { type: 'cancel'; checkoutSessionId?: string };
/** Terminal failure: the host reports it through onError and tears down. */
export type ErrorMessage = { type: 'error'; code: ErrorCode; message: string; checkoutSessionId?: string };
export type AppMessage =
  | ReadyMessage
  | EventMessage
  | ResizeMessage
  | LockMessage
  | UnlockMessage
  | SuccessMessage
  | CancelMessage
  | ErrorMessage;

/** What the published 0.1.3 hook listens for on window (legacy embed path only). */
export type LegacyMessage =
  | { type: 'lava_checkout_success'; checkoutSessionId: string; connectionId: string }
  | { type: 'lava_checkout_cancel'; checkoutSessionId: string };

// ---- guards: take unknown, return a fresh object built from known keys only, or null ----
// Both directions read messages the same way: a table of shapes, one per message type, each key
// with a field reader. The host's half is small on purpose: it ships on merchant pages.

type Rec = Record<string, unknown>;

function record(value: unknown): Rec | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Rec;
}

function envelope(value: unknown, type: 'hello' | 'connect'): boolean {
  const rec = record(value);
  return rec?.protocol === PROTOCOL && rec.v === PROTOCOL_VERSION && rec.type === type;
}

export function helloMessage(): HelloMessage {
  return { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: 'hello' };
}

export function connectMessage(): ConnectMessage {
  return { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: 'connect' };
}

export function isHello(value: unknown): value is HelloMessage {
  return envelope(value, 'hello');
}

export function isConnect(value: unknown): value is ConnectMessage {
  return envelope(value, 'connect');
}

/** A field reader answers the value to keep, `undefined` to leave the key out, or `null` to refuse the message. */
type Field = (value: unknown) => unknown;
type Shape = Record<string, Field>;

/**
 * Codes, steps and event names are checked by shape, not against this version's lists: a host
 * pinned in a merchant's bundle must still deliver what a newer checkout reports (a new error
 * code must still reach onError, not be dropped while the app waits). Treat a code you do not
 * know as `internal`. A name carries no personal data: lowercase letters and `_`, at most 40.
 */
const word: Field = (value) => (typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : null);
/** Any other string: not empty, at most 2048 characters (a larger one makes the whole message invalid). */
const text: Field = (value) => (typeof value === 'string' && value.length > 0 && value.length <= 2048 ? value : null);
/** Text of at most `max` characters. */
const short =
  (max: number): Field =>
  (value) =>
    text(value) !== null && (value as string).length <= max ? value : null;
const optional =
  (field: Field): Field =>
  (value) =>
    value === undefined ? value : field(value);
const oneOf =
  (...values: readonly unknown[]): Field =>
  (value) =>
    values.includes(value) ? value : null;

/** `out` plus the shape's keys of `value`, each through its reader; anything else in `value` is dropped. */
function shaped(value: unknown, shape: Shape | undefined, out: Rec = {}): Rec | null {
  const rec = record(value);
  if (!rec || !shape) return null;
  for (const key in shape) {
    const kept = shape[key]!(rec[key]);
    if (kept === null) return null;
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

// ---- host -> app, read by the checkout app ----

const APPEARANCE: Shape = {
  theme: optional(oneOf('light', 'dark', 'auto')),
  accent: optional(short(64)),
  radius: optional((value) => (typeof value === 'number' && value >= 0 && value <= 48 ? value : null)),
  font: optional(short(200)),
};

/**
 * A prefill field the merchant got wrong (not a string, empty, too long) is left out, and a prefill
 * that is not an object is ignored: it only saves the customer typing, so it never fails init.
 * The caps are the wallet form's (a name 100, an email 254); a phone number, however written, fits in 32.
 */
const filled =
  (max: number): Field =>
  (value) =>
    short(max)(value) ?? undefined;
const PREFILL: Shape = { phone: filled(32), firstName: filled(100), lastName: filled(100), email: filled(254) };

const HOST: Record<string, Shape> = {
  // No prototype: a type named like an Object method (`constructor`, `toString`) has no shape.
  __proto__: null as unknown as Shape,
  init: {
    secret: text,
    attemptId: text,
    embed: oneOf('overlay', 'inline'),
    // Unset, it reads as `{}`: a host sends no appearance when the merchant gave none.
    appearance: (value) => (value === undefined ? {} : shaped(value, APPEARANCE)),
    locale: optional(text),
    // Kept only with a field in it.
    prefill: (value) => {
      const kept = shaped(value, PREFILL);
      return kept && Object.keys(kept).length ? kept : undefined;
    },
    // Kept only when true: false and unset mean the same (an older host).
    confirmClose: optional((value) => (typeof value === 'boolean' ? value || undefined : null)),
  },
  close_request: {},
};

/** Validate a message the app received from the host over the port. */
export function parseHostMessage(value: unknown): HostMessage | null {
  const type = word(record(value)?.type) as string | null;
  return (type && shaped(value, HOST[type], { type })) as HostMessage | null;
}

// ---- app -> host, read by the host SDK ----

/** Every onEvent name passes (a newer checkout may add some); only `step`, `code` and `locale` travel with it. */
const EVENT: Shape = { type: word, step: optional(word), code: optional(word), locale: optional(text) };

const APP: Record<string, Shape> = {
  // No prototype, as HOST.
  __proto__: null as unknown as Shape,
  ready: { step: word },
  event: { event: (value) => shaped(value, EVENT) },
  resize: { height: (value) => (typeof value === 'number' && value >= 0 && value <= 10000 ? Math.round(value) : null) },
  lock: {},
  unlock: {},
  success: { connectionId: text, checkoutSessionId: text },
  cancel: { checkoutSessionId: optional(text) },
  error: { code: word, message: text, checkoutSessionId: optional(text) },
};

/** Validate a message the host received from the app over the port. */
export function parseAppMessage(value: unknown): AppMessage | null {
  const type = word(record(value)?.type) as string | null;
  return (type && shaped(value, APP[type], { type })) as AppMessage | null;
}
