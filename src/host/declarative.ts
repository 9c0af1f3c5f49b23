import type { ErrorCode } from '../contract/errors';
import { open } from './open';

export const ENDPOINT_ATTRIBUTE = 'data-lava-checkout-endpoint';
/** Space-separated checkout origins to trust besides the defaults (see `checkoutOrigins`). */
export const ORIGINS_ATTRIBUTE = 'data-lava-checkout-origins';

/**
 * Buttons that open the checkout by themselves:
 * `<button data-lava-checkout-endpoint="/api/checkout">`. A click POSTs JSON to the endpoint,
 * reads `checkout_session_token` (or `checkoutSessionToken`) from the answer, opens the checkout
 * (trusting the origins in `data-lava-checkout-origins` too), and dispatches `lava:success`, `lava:cancel`, `lava:error`, `lava:event` on the element.
 */
export function bindButtons(root: Document): () => void {
  const pending = new WeakSet<Element>();

  async function onClick(event: Event): Promise<void> {
    const element = (event.target as Element | null)?.closest?.(`[${ENDPOINT_ATTRIBUTE}]`);
    if (!element) return;
    event.preventDefault();
    if (pending.has(element)) return;
    const emit = (type: string) => (detail: unknown) =>
      element.dispatchEvent(new CustomEvent(`lava:${type}`, { detail, bubbles: true }));
    const endpoint = element.getAttribute(ENDPOINT_ATTRIBUTE) ?? '';
    let token: unknown;
    pending.add(element);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      token = body?.checkout_session_token ?? body?.checkoutSessionToken;
    } catch (error) {
      const message = `Could not get a checkout session from ${endpoint}: ${(error as Error).message}`;
      const code: ErrorCode = 'network';
      emit('error')({ code, message, error: message, checkoutSessionId: '' });
      return;
    } finally {
      pending.delete(element);
    }
    open(token as string, {
      onSuccess: emit('success'),
      onCancel: emit('cancel'),
      onError: emit('error'),
      onEvent: emit('event'),
      checkoutOrigins: element.getAttribute(ORIGINS_ATTRIBUTE)?.split(' '),
    });
  }

  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
