import { describe, expect, it, vi } from 'vitest';
import { createFlowApi, FlowApiError } from '../../../src/checkout/api/client';

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('flow API client', () => {
  it('when starting, then it posts the secret in the body to the flow prefix with no credential header', async () => {
    const fetch = fakeFetch(200, { checkout_session_id: 'cs_1' });
    const api = createFlowApi({ origin: 'http://127.0.0.1:4242', fetch });
    await api.start({ secret: 'sec_abcdefghijklmnop', parent_origin: 'http://localhost:5173' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:4242/api/flow/start');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ secret: 'sec_abcdefghijklmnop', parent_origin: 'http://localhost:5173' });
    expect((init!.headers as Record<string, string>).authorization).toBeUndefined();
    expect(init?.credentials).toBe('omit');
  });

  it('given a flow token, then later calls carry it as a bearer header and never in the URL', async () => {
    const fetch = fakeFetch(200, { phone_masked: 'x', resend_after: 30, expires_in: 600 });
    const api = createFlowApi({ origin: 'http://127.0.0.1:4242', fetch });
    await api.sendCode('ft_token_1234567890', '+12015550100');
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).not.toContain('ft_token');
    expect((init!.headers as Record<string, string>).authorization).toBe('Bearer ft_token_1234567890');
    expect(JSON.parse(String(init?.body))).toEqual({ phone: '+12015550100' });
  });

  it('given an error body, then it throws its code, message and retry_after', async () => {
    const api = createFlowApi({
      origin: 'http://x',
      fetch: fakeFetch(429, { error: { code: 'rate_limited', message: 'Slow down', retry_after: 17 } }),
    });
    const error = await api.verifyCode('t', '000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowApiError);
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Slow down', retryAfter: 17, status: 429 });
  });

  it('given the network fails, then it throws a network error', async () => {
    const api = createFlowApi({ origin: 'http://x', fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(api.linkWallet('t')).rejects.toMatchObject({ code: 'network' });
  });

  it.each([
    [502, '<html>bad gateway</html>', 'internal'],
    [400, { error: { code: 'not_a_code', message: 'x' } }, 'internal'],
  ])('given HTTP %s with an unknown body, then it throws %s', async (status, body, code) => {
    const api = createFlowApi({ origin: 'http://x', fetch: fakeFetch(status, body) });
    await expect(api.complete('t')).rejects.toMatchObject({ code });
  });
});
