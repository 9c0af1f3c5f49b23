import { type AttemptEvent, useLavaCheckout } from '@lavapayments/checkout';
import { useState } from 'react';
import { createSession, type Mode } from './api';
import { ConnectionsList } from './connections-list';
import { EventLog } from './event-log';
import { Layout } from './layout';
import { ModeButtons } from './mode-buttons';
import { type CheckoutOutcome, ResultPanel } from './result-panel';
import { useConnection } from './use-connection';

export function HookPage() {
  const [connectionId, setConnectionId] = useConnection();
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  const [message, setMessage] = useState('');
  const [events, setEvents] = useState<AttemptEvent[]>([]);
  const { open, isOpen } = useLavaCheckout({
    onEvent: (event) => setEvents((list) => [...list, event]),
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
    setEvents([]);
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
      <EventLog events={events} />
      <ResultPanel outcome={outcome} />
      <ConnectionsList refreshKey={outcome?.checkoutSessionId ?? ''} />
    </Layout>
  );
}
