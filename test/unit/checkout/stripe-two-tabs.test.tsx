import { waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFlowApi } from '../../../src/checkout/api/client';
import { StripePayment } from '../../../src/checkout/steps/payment/StripePayment';
import type { ProcessorProps } from '../../../src/checkout/steps/payment/processor';
import { loadPhoneTools } from '../../../src/checkout/steps/phone/phone-tools';
import { secretOf } from '../sandbox/harness';
import { startStripeWorld, type StripeWorld } from '../sandbox/stripe-world';
import { createFakeStripe } from '../../fixtures/fake-stripe';
import { renderApp } from './app-harness';

/**
 * Two tabs of the real checkout app (Preact, as built) on one session of the real sandbox in
 * Stripe mode, with the stand-ins at both ends sharing one fake Stripe account: the app's Stripe
 * object (Stripe.js) confirms on it, the sandbox's fake of the `stripe` package reads it.
 */
function openTab(world: StripeWorld, secret: string) {
  const parts = createFakeStripe({ confirm: ({ clientSecret }) => world.account.confirmPayment(clientSecret) });
  const fake = { stripe: parts.stripe, raw: { confirmPayment: vi.spyOn(parts.stripe, 'confirmPayment') } };
  // jsdom's AbortSignal is not the one Node's fetch accepts: the tab's requests go without it.
  const api = createFlowApi({
    origin: world.h.sandbox.url,
    fetch: (url, init) => fetch(url, { method: init?.method, headers: init?.headers, body: init?.body }),
  });
  const stripeProcessor = (props: ProcessorProps) => <StripePayment {...props} stripe={fake.stripe} />;
  const app = renderApp(api, { secret, stripeProcessor });
  return { ...app, fake, view: within(app.container) };
}

async function toStripePayment(world: StripeWorld, tab: ReturnType<typeof openTab>, phone: string, amount: string) {
  // Codes to one session are spaced 30 s apart.
  world.h.clock.advance(31_000);
  await tab.user.type(await tab.view.findByLabelText('Phone number', {}, { timeout: 5000 }), phone);
  await tab.user.click(tab.view.getByRole('button', { name: 'Send code' }));
  await tab.user.type(await tab.view.findByLabelText('Verification code', {}, { timeout: 5000 }), '000000');
  // A new wallet, a wallet to link, or (the same wallet, linked already) straight to the amount.
  const next = () => tab.view.queryByLabelText('First name') ?? tab.view.queryByRole('button', { name: 'Link wallet' }) ?? tab.view.queryByLabelText('Other amount (USD)');
  await waitFor(() => expect(next()).not.toBeNull(), { timeout: 5000 });
  if (tab.view.queryByLabelText('First name')) {
    await tab.user.type(tab.view.getByLabelText('First name'), 'Jo');
    await tab.user.type(tab.view.getByLabelText('Last name'), 'Doe');
    await tab.user.type(tab.view.getByLabelText('Email'), 'jo@example.com');
    await tab.user.click(tab.view.getByRole('button', { name: 'Create wallet' }));
  } else if (tab.view.queryByRole('button', { name: 'Link wallet' })) {
    await tab.user.click(tab.view.getByRole('button', { name: 'Link wallet' }));
  }
  const other = await tab.view.findByLabelText('Other amount (USD)', {}, { timeout: 5000 });
  await tab.user.clear(other);
  await tab.user.type(other, amount);
  await tab.user.click(tab.view.getByRole('button', { name: 'Continue to payment' }));
  const pay = await tab.view.findByRole('button', { name: `Pay $${amount}` }, { timeout: 5000 });
  await tab.user.type(await tab.view.findByLabelText('Card number (test Stripe)'), '4242424242424242');
  return pay;
}

describe('two tabs of the checkout paying with Stripe (stand-ins on both ends)', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await loadPhoneTools();
  });

  it('given both tabs on the payment step, when both press Pay, then Stripe takes one payment and both tabs end on "All set" with one checkout.completed', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'onboarding' });
    const a = openTab(world, secretOf(session));
    const b = openTab(world, secretOf(session));
    const payA = await toStripePayment(world, a, '2015550120', '25.00');
    const payB = await toStripePayment(world, b, '2015550120', '25.00');

    await Promise.all([a.user.click(payA), b.user.click(payB)]);
    expect(await a.view.findByRole('heading', { name: 'All set' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await b.view.findByRole('heading', { name: 'All set' }, { timeout: 5000 })).toBeInTheDocument();
    const [pi] = world.account.succeeded(session.checkout_session_id);
    await world.deliverSucceeded(pi!.id);

    expect(a.fake.raw.confirmPayment).toHaveBeenCalledTimes(1);
    expect(b.fake.raw.confirmPayment).toHaveBeenCalledTimes(1);
    expect(world.account.succeeded(session.checkout_session_id)).toHaveLength(1);
    expect(world.account.keptCharges(session.checkout_session_id)).toHaveLength(1);
    expect(world.recordedCharges(session.checkout_session_id)).toBe(1);
    expect(world.completedEvents(session.checkout_session_id)).toBe(1);
  });

  it('given a tab closed right after Stripe took the payment, then the webhook alone completes the checkout once', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'onboarding' });
    const a = openTab(world, secretOf(session));
    const payA = await toStripePayment(world, a, '2015550121', '30.00');
    // Stripe.js succeeds, then the tab goes away before its confirm is sent.
    a.fake.raw.confirmPayment.mockImplementationOnce(async ({ clientSecret }: { clientSecret: string }) => {
      await world.account.confirmPayment(clientSecret);
      a.unmount();
      return new Promise<never>(() => {});
    });
    await a.user.click(payA);
    const [pi] = world.account.succeeded(session.checkout_session_id);
    expect(world.recordedCharges(session.checkout_session_id)).toBe(0);
    await world.deliverSucceeded(pi!.id);

    expect(await world.sessionStatus(session.checkout_session_id)).toBe('completed');
    expect(world.account.keptCharges(session.checkout_session_id)).toHaveLength(1);
    expect(world.completedEvents(session.checkout_session_id)).toBe(1);
  });
});
