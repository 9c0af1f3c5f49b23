import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlowApiError } from '../../../src/checkout/api/client';
import { knownWallet, startResponse } from './fixtures';
import { renderApp } from './app-harness';

async function toCode(app: ReturnType<typeof renderApp>) {
  await app.user.type(await screen.findByLabelText('Phone number'), '2015550100');
  await app.user.click(screen.getByRole('button', { name: 'Send code' }));
  return screen.findByLabelText('Verification code');
}

describe('checkout app shell', { timeout: 30_000 }, () => {
  it('when it starts, then a dialog labelled by the step shows and ready and the step reach the host once', async () => {
    const app = renderApp();
    expect(await screen.findByRole('dialog', { name: 'Enter your phone number' })).toBeInTheDocument();
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
    expect(app.sent).toEqual([
      { type: 'ready', step: 'phone' },
      { type: 'event', event: { type: 'ready', step: 'phone' } },
      { type: 'event', event: { type: 'step', step: 'phone' } },
    ]);
  });

  it('when Escape is pressed, then the host hears cancel with the session id', async () => {
    const app = renderApp();
    await screen.findByLabelText('Phone number');
    await app.user.keyboard('{Escape}');
    expect(app.sent.at(-1)).toEqual({ type: 'cancel', checkoutSessionId: 'cs_test_1' });
  });

  it('when the close button is pressed, then the host hears cancel', async () => {
    const app = renderApp();
    await app.user.click(await screen.findByRole('button', { name: 'Close checkout' }));
    expect(app.sent.at(-1)).toEqual({ type: 'cancel', checkoutSessionId: 'cs_test_1' });
  });

  it('when the host asks to close, then the app answers cancel', async () => {
    const app = renderApp();
    await screen.findByLabelText('Phone number');
    app.closeRequest();
    expect(app.sent.at(-1)).toEqual({ type: 'cancel', checkoutSessionId: 'cs_test_1' });
  });

  it.each([
    ['session_expired', 'This checkout has expired. Please start again from the merchant’s page.'],
    ['session_used', 'This checkout was already completed. Please start again from the merchant’s page.'],
    ['origin_mismatch', 'This checkout was opened from a page it was not created for.'],
  ] as const)('given start fails with %s, then a clear screen offers only close, which reports the error code', async (code, text) => {
    const app = renderApp({ start: vi.fn(async () => Promise.reject(new FlowApiError(code, 'x', 410))) });
    expect(await screen.findByRole('heading', { name: "This checkout can't continue" })).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(app.sent).toContainEqual({ type: 'event', event: { type: 'error', code } });
    await app.user.click(screen.getAllByRole('button', { name: 'Close checkout' }).at(-1)!);
    expect(app.sent.at(-1)).toEqual({ type: 'error', code, message: `Checkout ended: ${code}` });
  });

  it('given the network is lost at start, when the customer retries, then the checkout opens', async () => {
    const start = vi
      .fn()
      .mockRejectedValueOnce(new FlowApiError('network', 'lost', 0))
      .mockResolvedValueOnce(startResponse());
    const app = renderApp({ start });
    await app.user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Phone number')).toBeInTheDocument();
    expect(start).toHaveBeenCalledTimes(2);
  });
});

describe('identity through the app', { timeout: 30_000 }, () => {
  it('given a new number, then phone -> code -> create wallet -> amount, and events carry no personal data', async () => {
    const app = renderApp();
    const code = await toCode(app);
    expect(code).toHaveFocus();
    expect(app.api.sendCode).toHaveBeenCalledWith('ft_start', '+12015550100');
    await app.user.type(code, '000000');
    await app.user.type(await screen.findByLabelText('First name'), 'Jo');
    await app.user.type(screen.getByLabelText('Last name'), 'Doe');
    await app.user.type(screen.getByLabelText('Email'), 'jo@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Create wallet' }));
    expect(await screen.findByRole('heading', { name: 'Add funds' })).toBeInTheDocument();
    expect(app.api.createWallet).toHaveBeenCalledWith('ft_verified', { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com' });
    const events = app.sent.filter((m) => m.type === 'event').map((m) => (m.type === 'event' ? m.event : null));
    expect(events).toEqual([
      { type: 'ready', step: 'phone' },
      { type: 'step', step: 'phone' },
      { type: 'otp_sent' },
      { type: 'step', step: 'code' },
      { type: 'otp_verified' },
      { type: 'step', step: 'wallet' },
      { type: 'wallet_created' },
      { type: 'step', step: 'amount' },
    ]);
    expect(JSON.stringify(app.sent)).not.toMatch(/2015550100|Jo|Doe|example\.com/);
  });

  it('given a known number, then consent -> link -> plan in subscription mode', async () => {
    const app = renderApp({ verifyCode: vi.fn(async () => knownWallet) }, { start: startResponse('subscription') });
    await app.user.type(await toCode(app), '000000');
    await app.user.click(await screen.findByRole('button', { name: 'Link wallet' }));
    expect(await screen.findByRole('heading', { name: 'Your plan' })).toBeInTheDocument();
    expect(screen.getByText('Pro Plan')).toBeInTheDocument();
    expect(app.sent).toContainEqual({ type: 'event', event: { type: 'wallet_linked' } });
  });

  it('given a wrong code, then the message is announced and the field is emptied', async () => {
    const app = renderApp({ verifyCode: vi.fn(async () => Promise.reject(new FlowApiError('code_invalid', 'x', 400))) });
    const code = await toCode(app);
    await app.user.type(code, '123456');
    expect(await screen.findByText('That code is not right. Check it and try again.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Verification code')).toHaveValue(''));
  });
});
