import { LavaCheckoutError } from './errors';

/**
 * A checkout session token: base64 of JSON `{ secret, base }`, the format the published
 * @lavapayments/checkout@0.1.3 decodes (it frames `${base}embed/checkout/${secret}`).
 */
export interface SessionToken {
  /** The session secret: only ever sent over the bridge port or in a request body/header. */
  secret: string;
  /** The checkout server's public URL, always ending in `/`. */
  base: string;
}

function invalid(why: string): LavaCheckoutError {
  return new LavaCheckoutError('invalid_token', `Invalid checkout session token: ${why}`);
}

function utf8ToBase64(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Parse and validate a token; throws LavaCheckoutError('invalid_token') on anything else. */
export function decodeToken(token: unknown): SessionToken {
  if (typeof token !== 'string' || !token) throw invalid('not a string');
  if (token.length > 4096) throw invalid('too long');
  let parsed: unknown;
  try {
    // Base64 to UTF-8: percent-escaping each byte and decoding as a URI component is a strict
    // UTF-8 decode (an invalid sequence throws).
    parsed = JSON.parse(decodeURIComponent(escape(atob(token.trim()))));
  } catch {
    throw invalid('not base64 JSON');
  }
  // Object(): a JSON null, number or string has neither key and fails below.
  const { secret, base } = Object(parsed) as Record<string, unknown>;
  if (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{16,200}$/.test(secret)) throw invalid('bad secret');
  if (typeof base !== 'string') throw invalid('no base');
  return { secret, base: normalizeBase(base) };
}

/** Lava's own domain: https checkout origins on it (the host or a subdomain) are trusted by default. */
export const LAVA_DOMAIN = 'lavapayments.com';

/**
 * Whether the host SDK may frame a checkout base (already normalized) and send it a session
 * secret: https on Lava's domain (the host or a subdomain), the sandbox on a loopback address
 * (http or https), or an origin the merchant listed exactly as `location.origin` spells it.
 * Anything else throws `invalid_token` naming the origin, before any request is made to it. The
 * URL parser has already lower-cased the host; with a trailing dot or a suffix it is another host.
 */
export function trustedBase(base: string, listed: readonly string[] = []): string {
  const { protocol, hostname, origin } = new URL(base);
  if (!((protocol === 'https:' && `.${hostname}`.endsWith(`.${LAVA_DOMAIN}`)) || /^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname) || listed.includes(origin))) {
    throw invalid(`untrusted checkout origin ${origin}`);
  }
  return base;
}

/** decodeToken for the host SDK: the base must also pass trustedBase. */
export function decodeTrustedToken(token: unknown, listed?: readonly string[]): SessionToken {
  const decoded = decodeToken(token);
  trustedBase(decoded.base, listed);
  return decoded;
}

/** Validate a checkout base URL (http(s), no credentials, query or hash) and end it in `/`. */
export function normalizeBase(base: string): string {
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw invalid('base not plain http(s)');
  }
  return url.href.replace(/\/?$/, '/');
}

export function encodeToken(token: SessionToken): string {
  return utf8ToBase64(JSON.stringify({ secret: token.secret, base: token.base }));
}
