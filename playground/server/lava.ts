import { Lava } from '@lavapayments/nodejs';

/**
 * The same client a merchant creates for production; only `baseUrl` points at the sandbox.
 * The SDK resolves paths against it, so it must end in `/v1/`.
 */
export function createLava(secretKey: string, sandboxUrl: string): Lava {
  return new Lava(secretKey, { apiVersion: '2025-04-28.v1', baseUrl: new URL('/v1/', sandboxUrl).href });
}
