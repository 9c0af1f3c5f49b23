import type { IncomingMessage, ServerResponse } from 'node:http';
import { memoryReplayCheck, verifyWebhook, type WebhookEvent, WebhookVerificationError } from '../../src/webhooks';
import { readRawBody, sendJson } from './http';

export interface ReceivedWebhook {
  id: string;
  type: string;
  connection_id: string | null;
  checkout_session_id: string | null;
  received_at: string;
}

/**
 * POST /api/webhooks/lava: verify the raw body against the endpoint secret (signature, timestamp
 * tolerance, replayed ids), then act. Answer 2xx quickly; the sandbox retries anything else.
 */
export function createWebhookReceiver(options: { secret: () => string | null; log: (line: string) => void }) {
  const received: ReceivedWebhook[] = [];
  const replayCheck = memoryReplayCheck();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const secret = options.secret();
    if (!secret) return sendJson(res, 503, { error: 'webhook secret not configured yet' });
    let event: WebhookEvent;
    try {
      event = await verifyWebhook(await readRawBody(req), req.headers, { secret, replayCheck });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      options.log(`rejected webhook: ${error.code}`);
      return sendJson(res, error.code === 'replayed' ? 200 : 400, { error: error.code });
    }
    const data = event.data as { connection_id?: string; checkout_session_id?: string };
    received.unshift({
      id: event.id,
      type: event.type,
      connection_id: data.connection_id ?? null,
      checkout_session_id: data.checkout_session_id ?? null,
      received_at: new Date().toISOString(),
    });
    received.splice(100);
    const details = Object.entries(event.data)
      .filter(([key]) => ['checkout_session_id', 'checkout_mode', 'connection_id', 'reference_id', 'balance'].includes(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    options.log(`verified webhook ${event.type} ${event.id} ${details}`);
    sendJson(res, 200, { received: true });
  }

  return { handle, received };
}
