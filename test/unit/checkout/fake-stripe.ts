import type { Stripe } from '@stripe/stripe-js';
import { vi } from 'vitest';

/**
 * Just enough of a Stripe object for <Elements> + <PaymentElement>: js.stripe.com is not
 * reachable in tests. `confirmPayment` answers what the test sets (it gets Stripe.js's options,
 * the client secret among them).
 */
export function fakeStripe(confirm: (options: { clientSecret: string }) => Promise<unknown>) {
  const element = {
    mount: vi.fn(),
    on: vi.fn((event: string, handler: () => void) => {
      if (event === 'ready') queueMicrotask(handler);
    }),
    off: vi.fn(),
    update: vi.fn(),
    destroy: vi.fn(),
  };
  const elements = {
    create: vi.fn(() => element),
    update: vi.fn(),
    getElement: vi.fn(() => element),
    submit: vi.fn(async () => ({})),
  };
  const stripe = {
    elements: vi.fn(() => elements),
    createToken: vi.fn(),
    createPaymentMethod: vi.fn(),
    confirmCardPayment: vi.fn(),
    confirmPayment: vi.fn(confirm),
  };
  return { stripe: stripe as unknown as Stripe, raw: stripe, elements, element };
}
