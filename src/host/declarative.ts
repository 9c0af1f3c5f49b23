import type { ErrorCode } from '../contract/errors';
import { open } from './open';
import { preload } from './preload';

export const ENDPOINT_ATTRIBUTE = 'data-lava-checkout-endpoint';
/** Space-separated checkout origins to trust besides the defaults (see `checkoutOrigins`). */
export const ORIGINS_ATTRIBUTE = 'data-lava-checkout-origins';
/**
 * `data-lava-checkout-prefill-phone`, `-first-name`, `-last-name`, `-email`: the `prefill` option.
 * One attribute per field, not one JSON attribute: a template escapes each like any other
 * attribute, and one field written wrong cannot spoil the others.
 */
export const PREFILL_ATTRIBUTE = 'data-lava-checkout-prefill-';

/**
 * The checkout's base, as `preload` takes it: the button warms a checkout frame there once the
 * customer shows an intent to pay (points at it, presses, focuses or clicks it), so the frame is
 * loading while the endpoint is asked for a session.
 */
export const PRELOAD_ATTRIBUTE = 'data-lava-checkout-preload';
/** What counts as an intent to pay with a button: never a page load or a scroll. */
const INTENTS = ['pointerover', 'pointerdown', 'focusin', 'click'];

/**
 * Buttons that open the checkout by themselves:
 * `<button data-lava-checkout-endpoint="/api/checkout">`. A click POSTs JSON to the endpoint,
 * reads `checkout_session_token` (or `checkoutSessionToken`) from the answer, opens the checkout
 * (trusting the origins in `data-lava-checkout-origins` too, filled in from the
 * `data-lava-checkout-prefill-*` attributes), and dispatches `lava:success`, `lava:cancel`, `lava:error`, `lava:event` on the element.
 */
export function bindButtons(root: Document): () => void {
  const pending = new WeakSet<Element>();

  async function onClick(event: Event): Promise<void> {
    const element = (event.target as Element | null)?.closest?.(`[${ENDPOINT_ATTRIBUTE}]`);
    if (!element) return;
    event.preventDefault();
    if (pending.has(element)) return;
    const attribute = (name: string) => element.getAttribute(PREFILL_ATTRIBUTE + name) ?? undefined;
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
      // Read as the checkout opens, so a page may fill them in late; the checkout leaves out an absent one.
      prefill: { phone: attribute('phone'), firstName: attribute('first-name'), lastName: attribute('last-name'), email: attribute('email') },
    });
  }

  function onIntent(event: Event): void {
    const element = (event.target as Element | null)?.closest?.(`[${ENDPOINT_ATTRIBUTE}][${PRELOAD_ATTRIBUTE}]`);
    const base = element?.getAttribute(PRELOAD_ATTRIBUTE);
    // Warming the base already warm does nothing; an empty one must not stop the page's own preload.
    if (base) {
      try {
        preload(base, { checkoutOrigins: element!.getAttribute(ORIGINS_ATTRIBUTE)?.split(' ') });
      } catch {
        // An untrusted or malformed base warms nothing; the click opens and reports as ever.
      }
    }
  }

  root.addEventListener('click', onClick);
  for (const type of INTENTS) root.addEventListener(type, onIntent);
  return () => {
    root.removeEventListener('click', onClick);
    for (const type of INTENTS) root.removeEventListener(type, onIntent);
  };
}
