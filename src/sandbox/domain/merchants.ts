import { safeEqual } from '../../webhooks/safe-equal';
import type { Db } from '../storage/db';

export interface MerchantRow {
  id: string;
  name: string;
  secret_key: string;
  amount_min: number;
  amount_max: number;
  amount_presets: string;
  created_at: number;
}

/** Finds the merchant whose key matches, comparing every key in constant time. */
export function merchantByKey(db: Db, presented: string): MerchantRow | null {
  const rows = db.prepare('SELECT * FROM merchants').all() as MerchantRow[];
  let found: MerchantRow | null = null;
  for (const row of rows) {
    if (safeEqual(presented, row.secret_key)) found = row;
  }
  return found;
}

export function merchantById(db: Db, id: string): MerchantRow {
  return db.prepare('SELECT * FROM merchants WHERE id = ?').get(id) as MerchantRow;
}

export function firstMerchant(db: Db): MerchantRow {
  return db.prepare('SELECT * FROM merchants ORDER BY created_at LIMIT 1').get() as MerchantRow;
}
