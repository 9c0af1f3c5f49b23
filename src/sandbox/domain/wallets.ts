import { newId } from '../ids';
import type { Db } from '../storage/db';

export interface WalletRow {
  id: string;
  phone: string;
  first_name: string;
  last_name: string;
  email: string;
  autopay_enabled: number;
  created_at: number;
}

export interface ConnectionRow {
  seq: number;
  id: string;
  merchant_id: string;
  wallet_id: string;
  reference_id: string | null;
  created_at: number;
  deleted_at: number | null;
}

export function walletByPhone(db: Db, phone: string): WalletRow | undefined {
  return db.prepare('SELECT * FROM wallets WHERE phone = ?').get(phone) as WalletRow | undefined;
}

export function walletById(db: Db, id: string): WalletRow {
  return db.prepare('SELECT * FROM wallets WHERE id = ?').get(id) as WalletRow;
}

/** A live (not deleted) connection of the merchant. */
export function connectionById(db: Db, merchantId: string, id: string): ConnectionRow | undefined {
  return db
    .prepare('SELECT * FROM connections WHERE id = ? AND merchant_id = ? AND deleted_at IS NULL')
    .get(id, merchantId) as ConnectionRow | undefined;
}

export function liveConnection(db: Db, merchantId: string, walletId: string): ConnectionRow | undefined {
  return db
    .prepare('SELECT * FROM connections WHERE merchant_id = ? AND wallet_id = ? AND deleted_at IS NULL')
    .get(merchantId, walletId) as ConnectionRow | undefined;
}

export function createWallet(
  db: Db,
  input: { phone: string; first_name: string; last_name: string; email: string },
  now: number,
): WalletRow {
  const id = newId('wal');
  db.prepare(
    'INSERT INTO wallets (id, phone, first_name, last_name, email, autopay_enabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
  ).run(id, input.phone, input.first_name, input.last_name, input.email, now);
  return walletById(db, id);
}

/** The merchant's connection to the wallet: the live one if any, else a new one. */
export function linkWallet(
  db: Db,
  merchantId: string,
  walletId: string,
  referenceId: string | null,
  now: number,
): { connection: ConnectionRow; created: boolean } {
  return db.transaction(() => {
    const existing = liveConnection(db, merchantId, walletId);
    if (existing) return { connection: existing, created: false };
    const id = newId('conn');
    db.prepare(
      'INSERT INTO connections (id, merchant_id, wallet_id, reference_id, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(id, merchantId, walletId, referenceId, now);
    return { connection: connectionById(db, merchantId, id)!, created: true };
  })();
}

export function balanceOf(db: Db, walletId: string, account: 'wallet' | 'cycle_credit' | 'bundle_credit'): number {
  const row = db
    .prepare('SELECT COALESCE(SUM(amount), 0) AS total FROM ledger WHERE wallet_id = ? AND account = ?')
    .get(walletId, account) as { total: number };
  return row.total;
}

export function subscriptionCredits(db: Db, subscriptionId: string): { cycle: number; bundle: number } {
  const rows = db
    .prepare('SELECT account, COALESCE(SUM(amount), 0) AS total FROM ledger WHERE subscription_id = ? GROUP BY account')
    .all(subscriptionId) as Array<{ account: string; total: number }>;
  const get = (a: string) => rows.find((r) => r.account === a)?.total ?? 0;
  return { cycle: get('cycle_credit'), bundle: get('bundle_credit') };
}
