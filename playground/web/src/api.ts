export type Mode = 'onboarding' | 'subscription' | 'topup' | 'credit_bundle';

export const MODE_LABELS: Record<Mode, string> = {
  onboarding: 'Create a wallet and add funds',
  subscription: 'Subscribe to a plan',
  topup: 'Top up the wallet',
  credit_bundle: 'Buy a credit bundle',
};

export interface ConnectionDetails {
  connection: {
    connection_id: string;
    status?: string;
    wallet?: { balance: string; autopay_enabled: boolean };
    subscription: { name: string; status: string } | null;
  };
  subscription: {
    status: string;
    plan: { name: string; period_amount: string; billing_interval: string };
    credits: { total_remaining: string; cycle_remaining: string; bundle_remaining: string };
  } | null;
}

export interface ReceivedWebhook {
  id: string;
  type: string;
  connection_id: string | null;
  checkout_session_id: string | null;
}

async function json<T>(response: Response): Promise<T> {
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error ?? `HTTP ${response.status}`);
  return body as T;
}

/** Asks the merchant backend (same origin, /api proxied by Vite) for a checkout session token. */
export async function createSession(mode: Mode, connectionId: string | null): Promise<string> {
  const response = await fetch(`/api/checkout/${mode}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connectionId, userId: 'playground_user' }),
  });
  return (await json<{ checkout_session_token: string }>(response)).checkout_session_token;
}

export async function fetchConnection(connectionId: string): Promise<ConnectionDetails> {
  return json(await fetch(`/api/connections/${encodeURIComponent(connectionId)}`));
}

export async function fetchReceivedWebhooks(): Promise<ReceivedWebhook[]> {
  return (await json<{ data: ReceivedWebhook[] }>(await fetch('/api/webhooks/received'))).data;
}

const STORAGE_KEY = 'lava-playground-connection';

export function storedConnection(): string | null {
  return localStorage.getItem(STORAGE_KEY);
}

export function storeConnection(connectionId: string | null): void {
  if (connectionId) localStorage.setItem(STORAGE_KEY, connectionId);
  else localStorage.removeItem(STORAGE_KEY);
}
