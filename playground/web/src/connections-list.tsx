import { useEffect, useState } from 'react';

interface ConnectionSummary {
  connection_id: string;
  wallet?: { balance: string };
  subscription: { name: string } | null;
}

/** GET /api/connections: the backend lists the merchant's connections with lava.connections.list(). */
export function ConnectionsList({ refreshKey }: { refreshKey: string }) {
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes after each checkout, to fetch the list again
  useEffect(() => {
    let active = true;
    fetch('/api/connections')
      .then((response) => response.json())
      .then((body: { data?: ConnectionSummary[] }) => active && setConnections(body.data ?? []))
      .catch(() => active && setConnections([]));
    return () => {
      active = false;
    };
  }, [refreshKey]);

  if (!connections || connections.length === 0) return null;
  return (
    <section className="result" aria-label="Connections">
      <h2>Your connections</h2>
      <ul>
        {connections.map((c) => (
          <li key={c.connection_id}>
            <code>{c.connection_id}</code> · ${c.wallet?.balance ?? '?'}
            {c.subscription ? ` · ${c.subscription.name}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
