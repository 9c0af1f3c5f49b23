import type { Db } from '../storage/db';

export interface SubscriptionRow {
  seq: number;
  id: string;
  merchant_id: string;
  connection_id: string;
  wallet_id: string;
  subscription_config_id: string;
  status: 'active' | 'cancelled';
  started_at: number;
  cancelled_at: number | null;
  cycle_start_at: number;
  cycle_end_at: number;
  created_at: number;
}

export function activeSubscriptionOf(db: Db, connectionId: string): SubscriptionRow | undefined {
  return db
    .prepare("SELECT * FROM subscriptions WHERE connection_id = ? AND status = 'active' ORDER BY seq DESC LIMIT 1")
    .get(connectionId) as SubscriptionRow | undefined;
}

export function subscriptionById(db: Db, merchantId: string, id: string): SubscriptionRow | undefined {
  return db.prepare('SELECT * FROM subscriptions WHERE id = ? AND merchant_id = ?').get(id, merchantId) as
    | SubscriptionRow
    | undefined;
}

export function cancelSubscription(db: Db, id: string, now: number): void {
  db.prepare("UPDATE subscriptions SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = 'active'").run(
    now,
    id,
  );
}

/** Subscription mode and the connection already has this plan: nothing to charge. */
export function alreadySubscribed(
  db: Db,
  session: { mode: string; subscription_config_id: string | null },
  connectionId: string,
): boolean {
  if (session.mode !== 'subscription') return false;
  return activeSubscriptionOf(db, connectionId)?.subscription_config_id === session.subscription_config_id;
}
