import { describe, expect, test } from 'vitest';
import { ORIGIN, startHarness } from './harness';

const ROUTES: Array<[string, string]> = [
  ['POST', 'checkout_sessions'],
  ['GET', 'checkout_sessions'],
  ['GET', 'checkout_sessions/cs_x'],
  ['GET', 'connections'],
  ['GET', 'connections/conn_x'],
  ['GET', 'connections/conn_x/subscription'],
  ['DELETE', 'connections/conn_x'],
  ['GET', 'subscription_configs'],
  ['GET', 'subscription_configs/subconf_pro'],
  ['POST', 'subscription_configs'],
  ['GET', 'credit_bundles'],
  ['GET', 'credit_bundles/cb_pro_25'],
  ['GET', 'meters'],
  ['GET', 'meters/meter_chat_tokens'],
  ['POST', 'meters'],
  ['GET', 'subscriptions'],
  ['DELETE', 'subscriptions/sub_x'],
];

describe('REST authentication', () => {
  test.each(ROUTES)('given no Authorization header, when %s /v1/%s, then 401 unauthorized', async (method, path) => {
    const h = await startHarness();
    const res = await h.rest(method, path, method === 'POST' ? {} : undefined, null);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
  });

  test.each(ROUTES)('given a wrong key, when %s /v1/%s, then 401 unauthorized', async (method, path) => {
    const h = await startHarness();
    const res = await h.rest(method, path, method === 'POST' ? {} : undefined, 'aks_test_wrong');
    expect(res.status).toBe(401);
  });

  test('given the key without the Bearer scheme, then 401', async () => {
    const h = await startHarness();
    const res = await fetch(`${h.sandbox.restUrl}meters`, { headers: { authorization: h.sandbox.secretKey } });
    expect(res.status).toBe(401);
  });

  test('given a key that only shares a prefix with the real one, then 401', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'meters', undefined, h.sandbox.secretKey.slice(0, -1));
    expect(res.status).toBe(401);
  });
});

describe('REST errors for bad input', () => {
  test('given malformed JSON, then 400 invalid_request and no stack trace', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', '{"checkout_mode": "onboarding",');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(/JSON/) } });
  });

  test.each([['[]'], ['"text"'], ['42'], ['null']])('given the JSON body %s, then 400', async (body) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
  });

  test('given a body over 64 KiB, then 413 with an error body', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', { checkout_mode: 'onboarding', origin_url: ORIGIN, reference_id: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('invalid_request');
  });

  test('given a body streamed without a length past 64 KiB, then 413', async () => {
    const h = await startHarness();
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${h.sandbox.restUrl}checkout_sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.sandbox.secretKey}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  test('given an unknown route, then 404 not_found as JSON', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'nothing_here');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  test('given a bad request, then the answer has only code and message', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'checkout_sessions', { checkout_mode: 7 });
    expect(Object.keys(res.json.error).sort()).toEqual(['code', 'message']);
    expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts:\d+/);
  });
});
