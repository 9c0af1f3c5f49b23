/**
 * The sandbox is for test mode only. With live Stripe keys it would charge real cards for a
 * checkout whose phone step accepts the fixed test code, so it refuses to start.
 */
const LIVE_STRIPE_KEY = /^(sk|pk|rk)_live_/;

/** Throws a message naming the variable when any of the given Stripe keys is a live one. */
export function refuseLiveStripeKeys(keys: Record<string, string | undefined>): void {
  const live = Object.entries(keys).filter(([, value]) => value !== undefined && LIVE_STRIPE_KEY.test(value.trim()));
  if (live.length === 0) return;
  const names = live.map(([name, value]) => `${name} (${value!.trim().slice(0, 8)}…)`).join(' and ');
  throw new Error(
    `The sandbox runs in test mode only and will not start with a live Stripe key: ${names}. Use your Stripe test keys (sk_test_…, pk_test_…).`,
  );
}

/** A merchant key in test mode (`aks_test_…`): only then do the test phone numbers get the fixed code. */
export function isTestModeKey(secretKey: string): boolean {
  return secretKey.startsWith('aks_test_');
}
