import type { CheckoutMode } from '../../../src/contract/flow-api';
import { decodeToken } from '../../../src/contract/token';

export interface CreateSessionInput {
  /** The merchant page origin, e.g. `http://localhost:41234`. */
  origin: string;
  mode?: CheckoutMode;
  reference_id?: string;
  connection_id?: string;
  subscription_config_id?: string;
  credit_bundle_id?: string;
}

export interface CreatedSession {
  checkoutSessionId: string;
  /** What the merchant page passes to open(): base64 JSON { secret, base }. */
  token: string;
  secret: string;
  /** The full REST answer. */
  raw: Record<string, unknown>;
}

/** Any REST call with the seeded key; throws on non-2xx. */
export type SandboxRest = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** The sandbox's REST API (`restUrl`) as a merchant backend calls it, with its secret key. */
export function sandboxRest(restUrl: string, secretKey: string): SandboxRest {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${restUrl}${path.replace(/^\//, '')}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** POST /v1/checkout_sessions (onboarding unless `mode` says otherwise). */
export async function createSession(rest: SandboxRest, input: CreateSessionInput): Promise<CreatedSession> {
  const { origin, mode = 'onboarding', ...rest_ } = input;
  const raw = await rest<Record<string, unknown> & { checkout_session_id: string; checkout_session_token: string }>(
    'POST',
    'checkout_sessions',
    { checkout_mode: mode, origin_url: origin, ...rest_ },
  );
  return {
    checkoutSessionId: raw.checkout_session_id,
    token: raw.checkout_session_token,
    secret: decodeToken(raw.checkout_session_token).secret,
    raw,
  };
}
