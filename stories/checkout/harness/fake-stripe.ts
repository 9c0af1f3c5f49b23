import type { Stripe } from '@stripe/stripe-js';

const DECLINED = '4000000000000002';
const NO_FUNDS = '4000000000009995';

/**
 * Just enough Stripe.js for <Elements> and <PaymentElement>: `elements()` makes an Elements
 * group whose payment element mounts a plain labelled card-number field; `confirmPayment`
 * answers from the number typed (…0002 declines, …9995 has no funds, anything else succeeds).
 */
export function fakeStripe(): Stripe {
  let cardInput: HTMLInputElement | null = null;

  function element() {
    const handlers = new Map<string, Set<(payload: unknown) => void>>();
    let host: HTMLElement | null = null;
    return {
      mount(node: HTMLElement) {
        host = node;
        const label = document.createElement('label');
        label.className = 'lava-field';
        label.textContent = 'Card number (test Stripe)';
        const input = document.createElement('input');
        input.inputMode = 'numeric';
        input.autocomplete = 'cc-number';
        input.setAttribute('data-testid', 'fake-stripe-card');
        label.append(input);
        node.append(label);
        cardInput = input;
        setTimeout(() => {
          for (const handler of handlers.get('ready') ?? []) handler({ elementType: 'payment' });
        }, 0);
      },
      on(event: string, handler: (payload: unknown) => void) {
        const set = handlers.get(event) ?? new Set();
        set.add(handler);
        handlers.set(event, set);
      },
      off(event: string, handler: (payload: unknown) => void) {
        handlers.get(event)?.delete(handler);
      },
      update() {},
      destroy() {
        host?.replaceChildren();
        cardInput = null;
      },
      unmount() {
        host?.replaceChildren();
      },
    };
  }

  const number = () => (cardInput?.value ?? '').replace(/\D/g, '');
  const elements = () => ({
    create: () => element(),
    getElement: () => null,
    update() {},
    fetchUpdates: async () => ({}),
    submit: async () =>
      number().length < 12 ? { error: { type: 'validation_error', message: 'Your card number is incomplete.' } } : {},
  });

  const fake = {
    elements,
    createToken: async () => ({}),
    createPaymentMethod: async () => ({}),
    confirmCardPayment: async () => ({}),
    confirmPayment: async () => {
      const card = number();
      if (card === DECLINED) {
        return { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } };
      }
      if (card === NO_FUNDS) {
        return {
          error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
        };
      }
      return { paymentIntent: { id: 'pi_story_stripe', status: 'succeeded' } };
    },
  };
  return fake as unknown as Stripe;
}
