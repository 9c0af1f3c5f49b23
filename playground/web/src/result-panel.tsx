import { useEffect, useState } from 'react';
import { type ConnectionDetails, fetchConnection, fetchReceivedWebhooks, type ReceivedWebhook } from './api';

export interface CheckoutOutcome {
  connectionId: string;
  checkoutSessionId: string;
}

/**
 * After onSuccess: the connection as the merchant backend sees it (wallet balance, subscription),
 * and whether the backend received and verified the checkout.completed webhook.
 */
export function ResultPanel({ outcome }: { outcome: CheckoutOutcome | null }) {
  const [details, setDetails] = useState<ConnectionDetails | null>(null);
  const [webhook, setWebhook] = useState<ReceivedWebhook | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!outcome) return;
    let active = true;
    setDetails(null);
    setWebhook(null);
    setError(null);
    fetchConnection(outcome.connectionId)
      .then((d) => active && setDetails(d))
      .catch((e: Error) => active && setError(e.message));
    // The webhook arrives on its own schedule: poll the backend briefly.
    let polls = 0;
    const timer = setInterval(async () => {
      polls += 1;
      const found = (await fetchReceivedWebhooks().catch(() => [])).find(
        (w) => w.type === 'checkout.completed' && w.checkout_session_id === outcome.checkoutSessionId,
      );
      if (found && active) {
        setWebhook(found);
        // Balance and credits settle with the checkout; read them again once it is confirmed.
        fetchConnection(outcome.connectionId).then((d) => active && setDetails(d));
      }
      if (found || polls >= 60) clearInterval(timer);
    }, 500);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [outcome]);

  if (!outcome) return null;
  const sub = details?.subscription;
  return (
    <section className="result" aria-label="Checkout result">
      <h2>Checkout complete</h2>
      <dl>
        <dt>connectionId</dt>
        <dd data-testid="connection-id">{outcome.connectionId}</dd>
        <dt>checkoutSessionId</dt>
        <dd data-testid="checkout-session-id">{outcome.checkoutSessionId}</dd>
        <dt>Wallet balance</dt>
        <dd data-testid="wallet-balance">{details ? `$${details.connection.wallet?.balance ?? '?'}` : '…'}</dd>
        <dt>Subscription</dt>
        <dd data-testid="subscription">
          {details ? (sub ? `${sub.plan.name} (${sub.status}), credits $${sub.credits.total_remaining}` : 'none') : '…'}
        </dd>
        <dt>Webhook</dt>
        <dd data-testid="webhook-status">
          {webhook ? `backend verified checkout.completed ${webhook.id} for ${webhook.checkout_session_id}` : 'waiting for checkout.completed…'}
        </dd>
      </dl>
      {error && <p role="alert">Could not read the connection: {error}</p>}
    </section>
  );
}
