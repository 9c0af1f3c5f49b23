// The playground's merchant pages tested the way a merchant tests their own integration: the
// real pages and the real SDK, with `@lavapayments/checkout/testing` deciding what the checkout
// answers (no iframe, no network, no sandbox) and `fetch` standing in for the merchant's backend.
import { type FakeCheckout, type FakeCheckoutOptions, installFakeCheckout } from '@lavapayments/checkout/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentType, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODE_LABELS, type Mode, storeConnection } from './api';
import { ComponentPage } from './component-page-view';
import { HookPage } from './hook-page-view';

const PAGES: Array<[string, ComponentType]> = [
  ['useLavaCheckout page', HookPage],
  ['<LavaCheckout> page', ComponentPage],
];
const MODES = Object.keys(MODE_LABELS) as Mode[];

let fake: FakeCheckout | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** The merchant's own backend, as `fetch` sees it: a token for each checkout, plain reads after. */
function stubMerchantBackend({ tokenStatus = 200 } = {}) {
  const tokenRequests: Array<{ path: string; body: unknown }> = [];
  const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (path.startsWith('/api/checkout/')) {
        tokenRequests.push({ path, body: JSON.parse(String(init?.body)) });
        return tokenStatus === 200 ? reply({ checkout_session_token: 'token-from-your-backend' }) : reply({ error: 'backend down' }, tokenStatus);
      }
      if (path.startsWith('/api/connections/')) {
        const connection_id = decodeURIComponent(path.slice('/api/connections/'.length));
        return reply({ connection: { connection_id, wallet: { balance: '25.00', autopay_enabled: false }, subscription: null }, subscription: null });
      }
      return reply({ data: [] });
    }),
  );
  return tokenRequests;
}

function renderPage(Page: ComponentType, checkout: FakeCheckoutOptions) {
  fake = installFakeCheckout(checkout);
  render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}

const status = () => screen.getByTestId('callback');

describe.each(PAGES)('%s', (_name, Page) => {
  it.each(MODES)('when the customer completes a %s checkout, then the page shows onSuccess and the connectionId', async (mode) => {
    // Top-up and credit bundles need the connection an earlier checkout saved.
    const saved = mode === 'topup' || mode === 'credit_bundle' ? 'conn_saved' : null;
    storeConnection(saved);
    const tokenRequests = stubMerchantBackend();
    renderPage(Page, { result: { status: 'success', connectionId: 'conn_new', checkoutSessionId: 'cs_42' } });

    await userEvent.click(screen.getByRole('button', { name: MODE_LABELS[mode] }));

    expect(await screen.findByTestId('connection-id')).toHaveTextContent(/^conn_new$/);
    expect(screen.getByTestId('checkout-session-id')).toHaveTextContent(/^cs_42$/);
    expect(status()).toHaveTextContent(/^onSuccess$/);
    expect(tokenRequests).toEqual([{ path: `/api/checkout/${mode}`, body: { connectionId: saved, userId: 'playground_user' } }]);
    expect(fake?.opened).toHaveLength(1);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('when the customer closes the checkout, then the page shows its cancel message and no result', async () => {
    stubMerchantBackend();
    renderPage(Page, { result: { status: 'cancel' } });

    await userEvent.click(screen.getByRole('button', { name: MODE_LABELS.onboarding }));

    expect(await screen.findByText('onCancel: checkout closed')).toBe(status());
    expect(screen.queryByTestId('connection-id')).toBeNull();
  });

  it.each([
    ['card_declined', 'Your card was declined.'],
    ['session_expired', 'This checkout has expired.'],
  ] as const)('when the checkout ends in %s, then the page shows an error naming the code', async (code, message) => {
    stubMerchantBackend();
    renderPage(Page, { result: { status: 'error', code, message } });

    await userEvent.click(screen.getByRole('button', { name: MODE_LABELS.subscription }));

    expect(await screen.findByText(`onError ${code}: ${message}`)).toBe(status());
    expect(screen.queryByTestId('connection-id')).toBeNull();
  });

  it('when the checkout reports a step sequence, then the event log lists it in order, then the success', async () => {
    stubMerchantBackend();
    renderPage(Page, {
      events: [
        { type: 'otp_sent' },
        { type: 'step', step: 'code' },
        { type: 'otp_verified' },
        { type: 'step', step: 'wallet' },
        { type: 'wallet_linked' },
        { type: 'step', step: 'payment' },
        { type: 'payment_failed', code: 'card_declined' },
        { type: 'payment_submitted' },
        { type: 'subscription_active' },
        { type: 'step', step: 'done' },
      ],
      result: { status: 'success', connectionId: 'conn_sub' },
    });

    await userEvent.click(screen.getByRole('button', { name: MODE_LABELS.subscription }));

    expect(await screen.findByTestId('connection-id')).toHaveTextContent(/^conn_sub$/);
    const log = within(screen.getByTestId('event-log'));
    expect(log.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'otp_sent',
      'step code',
      'otp_verified',
      'step wallet',
      'wallet_linked',
      'step payment',
      'payment_failed card_declined',
      'payment_submitted',
      'subscription_active',
      'step done',
    ]);
  });

  it('when the merchant backend cannot create a session, then the page says so and no checkout opens', async () => {
    stubMerchantBackend({ tokenStatus: 500 });
    renderPage(Page, { result: { status: 'success', connectionId: 'conn_never' } });

    await userEvent.click(screen.getByRole('button', { name: MODE_LABELS.onboarding }));

    expect(await screen.findByText('Could not create a checkout session: backend down')).toBe(status());
    expect(fake?.opened).toEqual([]);
  });
});
