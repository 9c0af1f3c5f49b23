import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts listening on `host:port`; answers the port listened on (the one the system picked for 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done((server.address() as AddressInfo).port));
  });
}
