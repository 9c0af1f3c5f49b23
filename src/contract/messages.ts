import { type ErrorCode, isErrorCode } from './errors';
import { type CheckoutEvent, STEPS, type Step } from './events';

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

/** Cap on any string in a message; a larger one makes the whole message invalid. */
const MAX_STRING = 2048;

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

type Rec = Record<string, unknown>;

function record(value: unknown): Rec | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Rec;
}

function str(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_STRING;
}

function optStr(value: unknown): boolean {
  return value === undefined || str(value);
}

function isStep(value: unknown): value is Step {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

function envelope(value: unknown, type: 'hello' | 'connect'): boolean {
  const rec = record(value);
  return rec !== null && rec.protocol === PROTOCOL && rec.v === PROTOCOL_VERSION && rec.type === type;
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

function parseAppearance(value: unknown): Appearance | null {
  if (value === undefined) return {};
  const rec = record(value);
  if (!rec) return null;
  const out: Appearance = {};
  if (rec.theme !== undefined) {
    if (rec.theme !== 'light' && rec.theme !== 'dark' && rec.theme !== 'auto') return null;
    out.theme = rec.theme;
  }
  if (rec.accent !== undefined) {
    if (!str(rec.accent) || rec.accent.length > 64) return null;
    out.accent = rec.accent;
  }
  if (rec.radius !== undefined) {
    if (typeof rec.radius !== 'number' || !Number.isFinite(rec.radius) || rec.radius < 0 || rec.radius > 48) return null;
    out.radius = rec.radius;
  }
  if (rec.font !== undefined) {
    if (!str(rec.font) || rec.font.length > 200) return null;
    out.font = rec.font;
  }
  return out;
}

/** Validate a message the app received from the host over the port. */
export function parseHostMessage(value: unknown): HostMessage | null {
  const rec = record(value);
  if (!rec) return null;
  switch (rec.type) {
    case 'init': {
      const appearance = parseAppearance(rec.appearance);
      if (!str(rec.secret) || !str(rec.attemptId) || !appearance) return null;
      if (rec.embed !== 'overlay' && rec.embed !== 'inline') return null;
      if (!optStr(rec.locale)) return null;
      if (rec.confirmClose !== undefined && typeof rec.confirmClose !== 'boolean') return null;
      const out: InitMessage = { type: 'init', secret: rec.secret, attemptId: rec.attemptId, embed: rec.embed, appearance };
      if (typeof rec.locale === 'string') out.locale = rec.locale;
      if (rec.confirmClose) out.confirmClose = true;
      return out;
    }
    case 'close_request':
      return { type: 'close_request' };
    default:
      return null;
  }
}

function parseEvent(value: unknown): CheckoutEvent | null {
  const rec = record(value);
  if (!rec) return null;
  switch (rec.type) {
    case 'ready':
    case 'step':
      return isStep(rec.step) ? { type: rec.type, step: rec.step } : null;
    case 'payment_failed':
    case 'error':
      return isErrorCode(rec.code) ? { type: rec.type, code: rec.code } : null;
    case 'otp_sent':
    case 'otp_verified':
    case 'wallet_created':
    case 'wallet_linked':
    case 'payment_submitted':
    case 'authentication_required':
    case 'subscription_active':
    case 'close_attempt':
      return { type: rec.type };
    default:
      return null;
  }
}

/** Validate a message the host received from the app over the port. */
export function parseAppMessage(value: unknown): AppMessage | null {
  const rec = record(value);
  if (!rec) return null;
  switch (rec.type) {
    case 'ready':
      return isStep(rec.step) ? { type: 'ready', step: rec.step } : null;
    case 'event': {
      const event = parseEvent(rec.event);
      return event ? { type: 'event', event } : null;
    }
    case 'resize':
      return typeof rec.height === 'number' && Number.isFinite(rec.height) && rec.height >= 0 && rec.height <= 10000
        ? { type: 'resize', height: Math.round(rec.height) }
        : null;
    case 'lock':
    case 'unlock':
      return { type: rec.type };
    case 'success':
      return str(rec.connectionId) && str(rec.checkoutSessionId)
        ? { type: 'success', connectionId: rec.connectionId, checkoutSessionId: rec.checkoutSessionId }
        : null;
    case 'cancel':
      if (!optStr(rec.checkoutSessionId)) return null;
      return rec.checkoutSessionId === undefined
        ? { type: 'cancel' }
        : { type: 'cancel', checkoutSessionId: rec.checkoutSessionId as string };
    case 'error': {
      if (!isErrorCode(rec.code) || !str(rec.message) || !optStr(rec.checkoutSessionId)) return null;
      const out: ErrorMessage = { type: 'error', code: rec.code, message: rec.message };
      if (typeof rec.checkoutSessionId === 'string') out.checkoutSessionId = rec.checkoutSessionId;
      return out;
    }
    default:
      return null;
  }
}
