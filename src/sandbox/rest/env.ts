import type { MerchantRow } from '../domain/merchants';

/** Hono environment of the merchant REST API: the authenticated merchant. */
export interface RestEnv {
  Variables: { merchant: MerchantRow };
}
