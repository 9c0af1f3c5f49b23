import type { Context } from 'hono';
import { invalid } from './errors';

export interface Page {
  limit: number;
  /** Rows strictly older than this sequence number (newest first). */
  before: number | null;
}

export interface ListResponse<T> {
  data: T[];
  has_more: boolean;
  next_cursor?: string;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** Reads `limit` (1..100, default 10) and the opaque `cursor` from the query string. */
export function readPage(c: Context): Page {
  const rawLimit = c.req.query('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== undefined) {
    if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_LIMIT) {
      throw invalid(`'limit' must be an integer from 1 to ${MAX_LIMIT}.`);
    }
    limit = Number(rawLimit);
  }
  const cursor = c.req.query('cursor');
  if (cursor === undefined || cursor === '') return { limit, before: null };
  const decoded = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^seq:(\d{1,15})$/.exec(decoded);
  if (!match) throw invalid("'cursor' is not a cursor this API returned.");
  return { limit, before: Number(match[1]) };
}

/** Builds the list answer from up to limit+1 rows fetched newest first. */
export function pageOf<R extends { seq: number }, T>(rows: R[], page: Page, present: (row: R) => T): ListResponse<T> {
  const hasMore = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const result: ListResponse<T> = { data: kept.map(present), has_more: hasMore };
  const last = kept[kept.length - 1];
  if (hasMore && last) result.next_cursor = Buffer.from(`seq:${last.seq}`, 'utf8').toString('base64url');
  return result;
}

/** SQL fragment + parameter for "older than the cursor". */
export function beforeClause(page: Page, column = 'seq'): { sql: string; params: number[] } {
  return page.before === null ? { sql: '', params: [] } : { sql: ` AND ${column} < ?`, params: [page.before] };
}
