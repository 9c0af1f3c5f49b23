import type { SessionRow } from '../domain/sessions';
import type { CredentialRow } from './credentials';

/** Hono environment of the flow API: the caller's credential and its session. */
export interface FlowEnv {
  Variables: { credential: CredentialRow; session: SessionRow };
}
