/** Who may call a route: the merchant's secret key (REST) or a flow token of a given strength. */
export type Auth = 'rest' | 'flow-none' | 'flow-started' | 'flow-verified';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** `:id` is replaced by generated ids. */
  path: string;
  auth: Auth;
  /** Body fields the route needs; each generated body omits one or gives it a wrong type. */
  required?: readonly string[];
  optional?: readonly string[];
  /** Query parameters a list route reads; the fuzzer gives them values the route must refuse. */
  query?: readonly string[];
  /** With a valid credential and whatever body, the fuzzer's state makes this route refuse (nothing to pay, nothing verified). */
  alwaysRefused?: boolean;
}

/** Every API route of the sandbox: REST under /v1, the flow API under /api/flow. */
export const ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/v1/checkout_sessions', auth: 'rest', required: ['checkout_mode', 'origin_url'], optional: ['reference_id', 'connection_id', 'subscription_config_id', 'credit_bundle_id'] },
  { method: 'GET', path: '/v1/checkout_sessions', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'GET', path: '/v1/checkout_sessions/:id', auth: 'rest' },
  { method: 'GET', path: '/v1/connections', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'GET', path: '/v1/connections/:id', auth: 'rest' },
  { method: 'GET', path: '/v1/connections/:id/subscription', auth: 'rest' },
  { method: 'DELETE', path: '/v1/connections/:id', auth: 'rest' },
  { method: 'POST', path: '/v1/subscription_configs', auth: 'rest', required: ['name', 'period_amount'], optional: ['included_credit', 'billing_interval', 'rollover_type', 'bundle_rollover_type', 'product_ids', 'meter_ids', 'credit_bundles'] },
  { method: 'GET', path: '/v1/subscription_configs', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'GET', path: '/v1/subscription_configs/:id', auth: 'rest' },
  { method: 'GET', path: '/v1/credit_bundles', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'GET', path: '/v1/credit_bundles/:id', auth: 'rest' },
  { method: 'POST', path: '/v1/meters', auth: 'rest', required: ['name', 'rate_type', 'tier_type', 'tiers'], optional: ['token_basis', 'base_cost_payer', 'service_charge_payer'] },
  { method: 'GET', path: '/v1/meters', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'GET', path: '/v1/meters/:id', auth: 'rest' },
  { method: 'GET', path: '/v1/subscriptions', auth: 'rest', query: ['limit', 'cursor'] },
  { method: 'DELETE', path: '/v1/subscriptions/:id', auth: 'rest' },
  { method: 'POST', path: '/v1/webhooks', auth: 'rest', required: ['url'], optional: ['events', 'description'] },
  { method: 'GET', path: '/v1/webhooks', auth: 'rest' },
  { method: 'DELETE', path: '/v1/webhooks/:id', auth: 'rest' },
  { method: 'POST', path: '/api/flow/start', auth: 'flow-none', required: ['secret', 'parent_origin'], optional: ['flow_token'] },
  { method: 'POST', path: '/api/flow/phone/send', auth: 'flow-started', required: ['phone'] },
  { method: 'POST', path: '/api/flow/phone/verify', auth: 'flow-started', required: ['code'] },
  { method: 'POST', path: '/api/flow/wallet', auth: 'flow-verified', required: ['first_name', 'last_name', 'email'] },
  { method: 'POST', path: '/api/flow/wallet/link', auth: 'flow-started', alwaysRefused: true },
  { method: 'GET', path: '/api/flow/state', auth: 'flow-started' },
  { method: 'POST', path: '/api/flow/payment/intent', auth: 'flow-verified', required: ['idempotency_key', 'amount'] },
  { method: 'POST', path: '/api/flow/payment/confirm', auth: 'flow-verified', required: ['idempotency_key', 'intent_id'], optional: ['card', 'payment_method_id', 'stripe_payment_intent_id', 'challenge', 'save_card'] },
  { method: 'POST', path: '/api/flow/complete', auth: 'flow-verified', alwaysRefused: true },
];
