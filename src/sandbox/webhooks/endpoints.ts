import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../contract/webhooks';
import { generateWebhookSecret, secretKey } from '../../webhooks/secret';
import { iso } from '../http/iso';
import { newId } from '../ids';
import type { Db } from '../storage/db';

export interface WebhookEndpoint {
  webhook_id: string;
  url: string;
  events: WebhookEventType[];
  created_at: string;
}

/** Returned once, on create: the only time the secret leaves the sandbox over the API. */
export type CreatedWebhookEndpoint = WebhookEndpoint & { secret: string };

export interface EndpointInput {
  url: string;
  /** Omitted or empty: every event type. */
  events?: readonly string[];
  /** Seed files may fix the secret; otherwise one is generated. */
  secret?: string;
}

interface EndpointRow {
  id: string;
  merchant_id: string;
  url: string;
  secret: string;
  events: string;
  created_at: number;
}

export class EndpointInputError extends Error {}

/** http(s), no credentials, no fragment. */
export function validateEndpointUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) throw new EndpointInputError('url must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EndpointInputError('url is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EndpointInputError('url must be http(s)');
  if (url.username || url.password || url.hash) throw new EndpointInputError('url must not contain credentials or a fragment');
  return url.href;
}

function validateEvents(events: readonly unknown[] | undefined): WebhookEventType[] {
  if (events === undefined || events.length === 0) return [...WEBHOOK_EVENT_TYPES];
  if (!Array.isArray(events)) throw new EndpointInputError('events must be an array');
  const out = new Set<WebhookEventType>();
  for (const event of events) {
    if (!isWebhookEventType(event)) throw new EndpointInputError(`unknown event type: ${String(event).slice(0, 64)}`);
    out.add(event);
  }
  return [...out];
}

/** Stored as a JSON array; `[]` (what a seed file without `events` gets) means every type. */
function eventsOf(row: EndpointRow): WebhookEventType[] {
  const events = JSON.parse(row.events) as WebhookEventType[];
  return events.length === 0 ? [...WEBHOOK_EVENT_TYPES] : events;
}

function toPublic(row: EndpointRow): WebhookEndpoint {
  return {
    webhook_id: row.id,
    url: row.url,
    events: eventsOf(row),
    created_at: iso(row.created_at),
  };
}

export function createEndpointStore(db: Db, now: () => number) {
  const insert = db.prepare(
    'INSERT INTO webhook_endpoints (id, merchant_id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byMerchant = db.prepare('SELECT * FROM webhook_endpoints WHERE merchant_id = ? ORDER BY created_at, id');
  const remove = db.prepare('DELETE FROM webhook_endpoints WHERE merchant_id = ? AND id = ?');
  const byUrl = db.prepare('SELECT * FROM webhook_endpoints WHERE merchant_id = ? AND url = ?');

  function create(merchantId: string, input: EndpointInput): CreatedWebhookEndpoint {
    const url = validateEndpointUrl(input.url);
    const events = validateEvents(input.events);
    if (input.secret !== undefined) {
      try {
        secretKey(input.secret);
      } catch {
        throw new EndpointInputError('secret must be whsec_ followed by base64 of at least 16 bytes');
      }
    }
    const secret = input.secret ?? generateWebhookSecret();
    const row: EndpointRow = {
      id: newId('we'),
      merchant_id: merchantId,
      url,
      secret,
      events: JSON.stringify(events),
      created_at: now(),
    };
    insert.run(row.id, row.merchant_id, row.url, row.secret, row.events, row.created_at);
    return { ...toPublic(row), secret };
  }

  return {
    create,
    list(merchantId: string): WebhookEndpoint[] {
      return (byMerchant.all(merchantId) as EndpointRow[]).map(toPublic);
    },
    delete(merchantId: string, id: string): boolean {
      return remove.run(merchantId, id).changes > 0;
    },
    /** Seed-file endpoints: added once per merchant and URL, so restarts do not duplicate them. */
    seed(merchantId: string, inputs: readonly EndpointInput[]): void {
      db.transaction(() => {
        for (const input of inputs) {
          if (!byUrl.get(merchantId, validateEndpointUrl(input.url))) create(merchantId, input);
        }
      })();
    },
    /** Endpoints of a merchant subscribed to `type`, with their secrets (internal use only). */
    subscribed(merchantId: string, type: WebhookEventType): EndpointRow[] {
      return (byMerchant.all(merchantId) as EndpointRow[]).filter((row) => eventsOf(row).includes(type));
    },
    secretOf(id: string): string | undefined {
      return (db.prepare('SELECT secret FROM webhook_endpoints WHERE id = ?').get(id) as { secret: string } | undefined)?.secret;
    },
  };
}

export type EndpointStore = ReturnType<typeof createEndpointStore>;
