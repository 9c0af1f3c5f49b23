export type SendOutcome =
  | { kind: 'delivered'; status: number }
  /** Timeout, network error, 408, 429 or 5xx: worth another try. */
  | { kind: 'retry'; status: number | null; error: string }
  /** Any other answer (4xx, a redirect): the receiver refused it; retrying will not help. */
  | { kind: 'rejected'; status: number; error: string }
  /** The outbox is stopping: not an attempt. */
  | { kind: 'aborted' };

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the outbox stops. */
  stop: AbortSignal;
}

export async function sendDelivery(fetchImpl: typeof fetch, request: SendRequest): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, request.stop]),
    });
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'delivered', status };
    if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', status, error: `HTTP ${status}` };
    return { kind: 'rejected', status, error: `HTTP ${status}` };
  } catch (error) {
    if (request.stop.aborted) return { kind: 'aborted' };
    if (timeout.aborted) return { kind: 'retry', status: null, error: `timeout after ${request.timeoutMs} ms` };
    return { kind: 'retry', status: null, error: `network error: ${(error as Error).message}` };
  }
}
