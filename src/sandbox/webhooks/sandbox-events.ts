import type { CheckoutMode } from '../../contract/flow-api';
import { fromMinor } from '../../contract/money';
import type { Db } from '../storage/db';
import type { WebhookOutbox } from './outbox';

/** What the sandbox calls where things happen: the outbox's enqueue. */
export type WebhookEvents = Pick<WebhookOutbox, 'enqueue'>;

interface SessionRow {
  merchant_id: string;
  mode: CheckoutMode;
  reference_id: string | null;
  connection_id: string | null;
  completed_connection_id: string | null;
  subscription_config_id: string | null;
  credit_bundle_id: string | null;
}

/**
 * `checkout.completed` for a session just marked completed. Call it inside the transaction that
 * completes the session, so the event exists exactly when the completion does.
 */
export function emitCheckoutCompleted(events: WebhookEvents, db: Db, sessionId: string, amountMinor?: number): void {
  const session = db
    .prepare(
      `SELECT merchant_id, mode, reference_id, connection_id, completed_connection_id, subscription_config_id, credit_bundle_id
       FROM checkout_sessions WHERE id = ?`,
    )
    .get(sessionId) as SessionRow | undefined;
  const connectionId = session?.completed_connection_id ?? session?.connection_id;
  if (!session || !connectionId) return;
  events.enqueue(session.merchant_id, 'checkout.completed', {
    checkout_session_id: sessionId,
    checkout_mode: session.mode,
    connection_id: connectionId,
    reference_id: session.reference_id,
    subscription_config_id: session.subscription_config_id,
    credit_bundle_id: session.credit_bundle_id,
    ...(amountMinor === undefined ? {} : { amount: fromMinor(amountMinor) }),
  });
}

/**
 * `connection.wallet.balance.updated` to every merchant with a live connection to the wallet.
 * Call it in the transaction that wrote the ledger rows; pass the balance before them if known.
 */
export function emitWalletBalanceUpdated(
  events: WebhookEvents,
  db: Db,
  walletId: string,
  options: { previousMinor?: number; reason?: string } = {},
): void {
  const { total } = db
    .prepare("SELECT COALESCE(SUM(amount), 0) AS total FROM ledger WHERE wallet_id = ? AND account = 'wallet'")
    .get(walletId) as { total: number };
  const connections = db
    .prepare('SELECT id, merchant_id FROM connections WHERE wallet_id = ? AND deleted_at IS NULL')
    .all(walletId) as Array<{ id: string; merchant_id: string }>;
  for (const connection of connections) {
    events.enqueue(connection.merchant_id, 'connection.wallet.balance.updated', {
      connection_id: connection.id,
      balance: fromMinor(total),
      ...(options.previousMinor === undefined ? {} : { previous_balance: fromMinor(options.previousMinor) }),
      ...(options.reason === undefined ? {} : { reason: options.reason }),
    });
  }
}
