import { useState } from 'react';
import { LavaCheckout } from '../../src/react/lava-checkout';
import { fakeCheckoutOrigins, fakeToken, MERCHANT_PAGE } from './merchant-token';

/** A merchant page using the controlled <LavaCheckout> component over the story-local fake checkout. */
export function ComponentDemo() {
  const [isOpen, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [steps, setSteps] = useState<string[]>([]);
  return (
    <main style={MERCHANT_PAGE}>
      <h1>Acme AI — Pro Plan</h1>
      <button
        type="button"
        onClick={() => {
          setOutcome('');
          setOpen(true);
        }}
      >
        Subscribe
      </button>
      <p>
        Outcome: <output aria-live="polite">{outcome}</output>
      </p>
      <p>Open: {isOpen ? 'yes' : 'no'}</p>
      <p>Events: {steps.join(', ')}</p>
      <LavaCheckout
        token={fakeToken()}
        checkoutOrigins={fakeCheckoutOrigins()}
        open={isOpen}
        onOpenChange={setOpen}
        onSuccess={(result) => setOutcome(`Subscribed: ${result.connectionId}`)}
        onCancel={() => setOutcome('Cancelled')}
        onError={(error) => setOutcome(`Error: ${error.code}`)}
        onEvent={(event) => setSteps((all) => [...all, event.type])}
      />
    </main>
  );
}
