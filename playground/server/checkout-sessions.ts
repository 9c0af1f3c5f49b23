import type { Lava } from '@lavapayments/nodejs';

export const MODES = ['onboarding', 'subscription', 'topup', 'credit_bundle'] as const;
export type Mode = (typeof MODES)[number];

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

export interface SessionRequest {
  /** Your user id: it comes back in the checkout.completed webhook as reference_id. */
  referenceId?: string;
  /** topup / credit_bundle: the customer's existing connection. */
  connectionId?: string;
  subscriptionConfigId?: string;
  creditBundleId?: string;
}

type CreateParams = Parameters<Lava['checkoutSessions']['create']>[0] & { reference_id?: string };

/** One checkout session per click; the browser only ever sees the token. */
export async function createCheckoutSession(lava: Lava, mode: Mode, originUrl: string, request: SessionRequest) {
  const params: CreateParams = { checkout_mode: mode, origin_url: originUrl };
  if (request.referenceId) params.reference_id = request.referenceId;
  if (mode === 'topup' || mode === 'credit_bundle') params.connection_id = request.connectionId;
  if (mode === 'subscription') params.subscription_config_id = request.subscriptionConfigId ?? (await firstPlanId(lava));
  if (mode === 'credit_bundle') params.credit_bundle_id = request.creditBundleId ?? (await bundleFor(lava, request.connectionId));
  const session = await lava.checkoutSessions.create(params);
  return { checkout_session_token: session.checkout_session_token, checkout_session_id: session.checkout_session_id };
}

/** The demo sells the first plan that offers credit bundles, so the bundle button has one to sell. */
async function firstPlanId(lava: Lava): Promise<string | undefined> {
  const { data } = await lava.subscriptions.listConfigs();
  return (data.find((plan) => plan.credit_bundles.length > 0) ?? data[0])?.subscription_config_id;
}

/** A bundle of the customer's current plan, else the first bundle on offer. */
async function bundleFor(lava: Lava, connectionId: string | undefined): Promise<string | undefined> {
  const current = connectionId ? (await lava.connections.getSubscription(connectionId)).subscription : null;
  if (current) {
    const plan = await lava.subscriptions.retrieveConfig(current.subscription_config_id);
    if (plan.credit_bundles[0]) return plan.credit_bundles[0].credit_bundle_id;
  }
  const { data } = await lava.creditBundles.list();
  return data[0]?.credit_bundle_id;
}
