import { useState } from 'react';
import { storeConnection, storedConnection } from './api';

/** The connection from the last successful checkout, kept across pages and reloads. */
export function useConnection(): [string | null, (id: string | null) => void] {
  const [connectionId, setConnectionId] = useState<string | null>(() => storedConnection());
  return [
    connectionId,
    (id) => {
      storeConnection(id);
      setConnectionId(id);
    },
  ];
}
