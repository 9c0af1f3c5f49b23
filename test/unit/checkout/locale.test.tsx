import { act, render, screen, waitFor } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import { type StartedCheckout, startCheckout } from '../../../src/checkout/start/start-checkout';
import { PaymentStep } from '../../../src/checkout/steps/payment/PaymentStep';
import { SandboxCardForm } from '../../../src/checkout/steps/payment/SandboxCardForm';
import { type Locale, LocaleContext, loadCatalog, StringsContext } from '../../../src/checkout/strings';
import type { AppMessage } from '../../../src/contract';
import { atPayment, startResponse } from './fixtures';

let root: Root | null = null;
let started: StartedCheckout | null = null;

afterEach(() => {
  started?.dispose();
  started = null;
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Start a checkout whose host asked for `locale`; start answers at once. */
function startIn(locale: string | undefined) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const sent: AppMessage[] = [];
  const link: HostLink = { send: (message) => sent.push(message), onCloseRequest: () => {} };
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(startResponse())),
  );
  act(() => {
    started = startCheckout(
      root!,
      { secret: 'sec_abcdefghijklmnop', parentOrigin: 'http://localhost:5173', link, embed: 'overlay', appearance: {}, backdrop: false, locale },
      { phoneDrawn: false },
    );
  });
  return { sent };
}

describe('the checkout in the locale the host asked for', { timeout: 30_000 }, () => {
  it('given "de", then the page is German, the phone step reads in German and the ready event says "de"', async () => {
    const { sent } = startIn('de');
    expect(await screen.findByRole('heading', { name: 'Geben Sie Ihre Telefonnummer ein' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'de');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    await waitFor(() => expect(sent).toContainEqual({ type: 'event', event: { type: 'ready', step: 'phone', locale: 'de' } }));
  });

  it('given "ar", then the page is right-to-left and the phone number stays left-to-right', async () => {
    startIn('ar');
    const phone = await screen.findByLabelText((await loadCatalog('ar')).phone.number);
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(phone).toHaveAttribute('dir', 'ltr');
  });

  it('given "pt-PT", then Brazilian Portuguese, the catalog for the same language', async () => {
    startIn('pt-PT');
    await screen.findByRole('heading', { name: (await loadCatalog('pt-BR')).phone.title });
    expect(document.documentElement).toHaveAttribute('lang', 'pt-BR');
  });

  it('given "xx" and a browser that prefers fr-CA, then French', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA']);
    startIn('xx');
    await screen.findByRole('heading', { name: (await loadCatalog('fr')).phone.title });
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });

  it('given English, then it draws at once, without waiting for a catalog', () => {
    startIn('en-GB');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('money in the customer’s locale', () => {
  async function payIn(locale: Locale, state: ReturnType<typeof atPayment>) {
    const strings = await loadCatalog(locale);
    render(
      <LocaleContext.Provider value={locale}>
        <StringsContext.Provider value={strings}>
          <PaymentStep state={state} dispatch={() => {}} Processor={SandboxCardForm} />
        </StringsContext.Provider>
      </LocaleContext.Provider>,
    );
    return strings;
  }

  it('given de, then the pay button says "25,00 $"', async () => {
    const strings = await payIn('de', atPayment());
    expect(screen.getByRole('button', { name: strings.payment.pay('25,00\u00a0$') })).toBeInTheDocument();
    expect(strings.payment.pay('25,00\u00a0$')).toBe('25,00\u00a0$ bezahlen');
  });

  it('given ja and an amount in yen, then the pay button says "￥2,500" with no decimals', async () => {
    const paying = atPayment();
    const strings = await payIn('ja', { ...paying, intent: { ...paying.intent, amount: '2500', currency: 'JPY' } });
    expect(screen.getByRole('button', { name: strings.payment.pay('￥2,500') })).toBeInTheDocument();
  });
});
