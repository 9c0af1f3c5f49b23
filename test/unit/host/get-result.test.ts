import { afterEach, describe, expect, it, vi } from 'vitest';
import { getResult } from '../../../src/host/get-result';
import { BASE, SECRET, token } from './fake-checkout-frame';

afterEach(() => vi.unstubAllGlobals());

describe('getResult(token)', () => {
  it('given a token, then it POSTs the secret in the body (never the URL) to the checkout base and answers the JSON', async () => {
    const answer = { status: 'open', step: 'wallet', checkoutSessionId: 'cs_1' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(answer)));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getResult(token())).resolves.toEqual(answer);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${BASE}api/checkout/result`);
    expect(url).not.toContain(SECRET);
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', body: JSON.stringify({ secret: SECRET }) });
  });

  it('given the network fails, then it answers an error result instead of rejecting', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(getResult(token())).resolves.toMatchObject({ status: 'error', code: 'network' });
  });

  it('given a bad token, then it answers invalid_token without a request', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    await expect(getResult('nope')).resolves.toMatchObject({ status: 'error', code: 'invalid_token' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
