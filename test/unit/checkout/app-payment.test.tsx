import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPhoneTools } from '../../../src/checkout/steps/phone/phone-tools';
import type { ConfirmPaymentRequest, ConfirmPaymentResponse } from '../../../src/contract';
import { intent, startResponse } from './fixtures';
import { renderApp } from './app-harness';

const succeeded: ConfirmPaymentResponse = { status: 'succeeded', connection_id: 'conn_1', checkout_session_id: 'cs_test_1', charge_id: 'ch_1' };

/** Phone, code, then a new wallet for Jo Doe. */
async function createWalletAsJo(app: ReturnType<typeof renderApp>) {
  await app.user.type(await screen.findByLabelText('Phone number'), '2015550100');
  await app.user.click(screen.getByRole('button', { name: 'Send code' }));
  await app.user.type(await screen.findByLabelText('Verification code'), '000000');
  await app.user.type(await screen.findByLabelText('First name'), 'Jo');
  await app.user.type(screen.getByLabelText('Last name'), 'Doe');
  await app.user.type(screen.getByLabelText('Email'), 'jo@example.com');
  await app.user.click(screen.getByRole('button', { name: 'Create wallet' }));
}

async function toPayment(app: ReturnType<typeof renderApp>) {
  await createWalletAsJo(app);
  await app.user.clear(await screen.findByLabelText('Other amount (USD)'));
  await app.user.type(screen.getByLabelText('Other amount (USD)'), '25.00');
  await app.user.click(screen.getByRole('button', { name: 'Continue to payment' }));
  await screen.findByLabelText('Card number');
}

async function typeCard(app: ReturnType<typeof renderApp>, number: string) {
  const field = screen.getByLabelText('Card number');
  await app.user.clear(field);
  await app.user.type(field, number);
  await app.user.clear(screen.getByLabelText('Expiry (MM/YY)'));
  await app.user.type(screen.getByLabelText('Expiry (MM/YY)'), '12/34');
  await app.user.clear(screen.getByLabelText('CVC'));
  await app.user.type(screen.getByLabelText('CVC'), '123');
}

describe('payment through the app', { timeout: 30_000 }, () => {
  // As after first paint: the number tools have loaded (phone-tools-lazy.test.tsx covers before).
  // Left to the first test's own render, they arrived up to 1.1 s after its submit with both
  // cores busy (on React and on Preact), past findBy's 1 s.
  beforeAll(async () => {
    await loadPhoneTools();
  });

  it('given onboarding, then a good card ends in success with lock around the charge and one confirm', async () => {
    let resolve: (value: ConfirmPaymentResponse) => void = () => {};
    const confirmPayment = vi.fn(() => new Promise<ConfirmPaymentResponse>((r) => (resolve = r)));
    const createIntent = vi.fn(async () => intent('25.00'));
    const app = renderApp({ createIntent, confirmPayment });
    await toPayment(app);
    expect(createIntent).toHaveBeenCalledWith('ft_verified', { amount: '25.00', idempotency_key: expect.any(String) });
    await typeCard(app, '4242424242424242');
    const button = screen.getByRole('button', { name: 'Pay $25.00' });
    await app.user.dblClick(button);
    expect(confirmPayment).toHaveBeenCalledTimes(1);
    expect(app.sent).toContainEqual({ type: 'lock' });
    expect(screen.getByRole('button', { name: 'Close checkout' })).toBeDisabled();
    await app.user.keyboard('{Escape}');
    expect(app.sent.some((m) => m.type === 'cancel')).toBe(false);
    resolve(succeeded);
    expect(await screen.findByRole('heading', { name: 'All set' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Continue' }));
    const tail = app.sent.filter((m) => m.type === 'lock' || m.type === 'unlock' || m.type === 'success');
    expect(tail).toEqual([{ type: 'lock' }, { type: 'unlock' }, { type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_test_1' }]);
  });

  it('given a declined card, then the reason shows and another card succeeds with a new attempt key', async () => {
    const keys: string[] = [];
    const confirmPayment = vi.fn(async (_token: string, body: ConfirmPaymentRequest): Promise<ConfirmPaymentResponse> => {
      keys.push(body.idempotency_key);
      return body.card?.number === '4000000000000002'
        ? { status: 'failed', code: 'card_declined', message: 'Your card was declined.' }
        : succeeded;
    });
    const app = renderApp({ createIntent: vi.fn(async () => intent('25.00')), confirmPayment });
    await toPayment(app);
    await typeCard(app, '4000000000000002');
    await app.user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    expect(await screen.findByText('Your card was declined.')).toBeInTheDocument();
    expect(app.sent).toContainEqual({ type: 'event', event: { type: 'payment_failed', code: 'card_declined' } });
    await typeCard(app, '4242424242424242');
    await app.user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    expect(await screen.findByRole('heading', { name: 'All set' })).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('given authentication, then the challenge shows and approving completes', async () => {
    const confirmPayment = vi
      .fn()
      .mockResolvedValueOnce({ status: 'requires_action', challenge_id: 'c1' })
      .mockResolvedValueOnce(succeeded);
    const app = renderApp({ createIntent: vi.fn(async () => intent('25.00')), confirmPayment });
    await toPayment(app);
    await typeCard(app, '4000002500003155');
    await app.user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    await app.user.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('heading', { name: 'All set' })).toBeInTheDocument();
    expect(confirmPayment.mock.calls[1]![1]).toMatchObject({ challenge: { challenge_id: 'c1', approve: true } });
  });

  it('given the wallet is already on the plan, then it completes without any charge', async () => {
    const complete = vi.fn(async () => ({ connection_id: 'conn_1', checkout_session_id: 'cs_test_1' }));
    const createIntent = vi.fn();
    const app = renderApp(
      { createWallet: vi.fn(async () => ({ connection_id: 'conn_1', created: false, already_subscribed: true })), complete, createIntent },
      { start: startResponse('subscription') },
    );
    await createWalletAsJo(app);
    expect(await screen.findByRole('heading', { name: "You're already on this plan" })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Your subscription is active.')).toBeInTheDocument();
    expect(createIntent).not.toHaveBeenCalled();
    expect(complete).toHaveBeenCalledTimes(1);
  });
});
