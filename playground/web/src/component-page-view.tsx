import { type AttemptEvent, LavaCheckout } from '@lavapayments/checkout';
import { useState } from 'react';
import { createSession, type Mode } from './api';
import { EventLog } from './event-log';
import { Layout } from './layout';
import { ModeButtons } from './mode-buttons';
import { type CheckoutOutcome, ResultPanel } from './result-panel';
import { useConnection } from './use-connection';

export function ComponentPage() {
  const [connectionId, setConnectionId] = useConnection();
  const [token, setToken] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null);
  const [message, setMessage] = useState('');
  const [events, setEvents] = useState<AttemptEvent[]>([]);

  async function start(mode: Mode) {
    setMessage('');
    setEvents([]);
    try {
      setToken(await createSession(mode, connectionId));
      setOpen(true);
    } catch (error) {
      setMessage(`Could not create a checkout session: ${(error as Error).message}`);
    }
  }

  return (
    <Layout title="<LavaCheckout>">
      <ModeButtons connectionId={connectionId} busy={open} onOpen={start} />
      <LavaCheckout
        token={token}
        open={open}
        onOpenChange={setOpen}
        onEvent={(event) => setEvents((list) => [...list, event])}
        onSuccess={({ connectionId, checkoutSessionId }) => {
          setConnectionId(connectionId);
          setOutcome({ connectionId, checkoutSessionId });
          setMessage('onSuccess');
        }}
        onCancel={() => setMessage('onCancel: checkout closed')}
        onError={({ code, message }) => setMessage(`onError ${code}: ${message}`)}
      />
      <p role="status" data-testid="callback">
        {message}
      </p>
      <EventLog events={events} />
      <ResultPanel outcome={outcome} />
    </Layout>
  );
}
