// "Basic Integration": a merchant's pricing page written for the published 0.1.3 hook, verbatim; it must compile and work unchanged.
// biome-ignore-all lint/a11y/useButtonType: kept exactly as merchants wrote it
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: kept exactly as merchants wrote it
'use client';  // Next.js App Router

import { useLavaCheckout } from '../../../src/index';

export function PricingPage({ userId }: { userId: string }) {
  const { open } = useLavaCheckout({
    onSuccess: async ({ connectionId, checkoutSessionId }) => {
      // Save the connection to your database
      await fetch('/api/save-connection', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId, connectionId })
      });

      // Redirect to dashboard
      window.location.href = '/dashboard?checkout=success';
    },
    onCancel: ({ checkoutSessionId }) => {
      console.log('Checkout cancelled:', checkoutSessionId);
    },
    onError: ({ error }) => {
      console.error('Checkout error:', error);
    }
  });

  async function handleCheckoutClick() {
    // Call your backend to create a session
    const response = await fetch('/api/checkout/create-session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId })
    });

    const { checkoutSessionToken } = await response.json();

    // Open the checkout modal
    open(checkoutSessionToken);
  }

  return (
    <button onClick={handleCheckoutClick}>
      Subscribe Now
    </button>
  );
}
