import { useEffect, useRef, useState } from 'react';
import { type Attempt, open } from '../../src/host/open';
import type { CheckoutHandle } from '../../src/host/types';
import { fakeCheckoutOrigins, fakeToken, MERCHANT_PAGE } from './merchant-token';

export interface OverlayDemoProps {
  /** `silent`: the framed page never answers, so the overlay stays in its loading state. */
  checkout: 'fake' | 'silent';
  /** open()'s ready timeout, in ms. */
  timeout?: number;
}

/** A merchant page using the framework-free SDK: a button opens the overlay, the outcome is shown. */
export function OverlayDemo({ checkout, timeout = 600_000 }: OverlayDemoProps) {
  const [outcome, setOutcome] = useState('');
  const handle = useRef<CheckoutHandle | null>(null);
  useEffect(() => () => (handle.current as Attempt | null)?.destroy(), []);

  function subscribe(): void {
    setOutcome('');
    handle.current = open(fakeToken(checkout), {
      timeout,
      checkoutOrigins: fakeCheckoutOrigins(),
      onSuccess: (result) => setOutcome(`Subscribed: ${result.connectionId}`),
      onCancel: () => setOutcome('Cancelled'),
      onError: (error) => setOutcome(`Error: ${error.code}`),
    });
  }

  return (
    <main style={MERCHANT_PAGE}>
      <h1>Acme AI — Pro Plan</h1>
      <button type="button" onClick={subscribe}>
        Subscribe
      </button>{' '}
      <button type="button" onClick={() => handle.current?.close()}>
        Close from the page
      </button>
      <p>
        Outcome: <output aria-live="polite">{outcome}</output>
      </p>
    </main>
  );
}
