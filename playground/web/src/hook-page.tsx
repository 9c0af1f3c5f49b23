import { useLavaCheckout } from '@lavapayments/checkout';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createSession, type Mode } from './api';
import { ConnectionsList } from './connections-list';
import { Layout } from './layout';
import { ModeButtons } from './mode-buttons';
import { type CheckoutOutcome, ResultPanel } from './result-panel';
import { useConnection } from './use-connection';

function HookPage() {
  const [connectionId, setConnectionId] = useConnection();
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  const [message, setMessage] = useState('');
  const { open, isOpen } = useLavaCheckout({
    onSuccess: ({ connectionId, checkoutSessionId }) => {
      // A reference, not proof: the panel below asks the backend, which asks Lava.
      setConnectionId(connectionId);
      setOutcome({ connectionId, checkoutSessionId });
      setMessage('onSuccess');
    },
    onCancel: () => setMessage('onCancel: checkout closed'),
    onError: ({ code, message }) => setMessage(`onError ${code}: ${message}`),
  });

  async function start(mode: Mode) {
    setMessage('');
    try {
      open(await createSession(mode, connectionId));
    } catch (error) {
      setMessage(`Could not create a checkout session: ${(error as Error).message}`);
    }
  }

  return (
    <Layout title="useLavaCheckout">
      <ModeButtons connectionId={connectionId} busy={isOpen} onOpen={start} />
      <p role="status" data-testid="callback">
        {message}
      </p>
      {connectionId && !outcome && <p>Saved connection: {connectionId}</p>}
      <ResultPanel outcome={outcome} />
      <ConnectionsList refreshKey={outcome?.checkoutSessionId ?? ''} />
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HookPage />
  </StrictMode>,
);
