import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { servedHosts } from '../../../src/sandbox/http/hosts';
import { secretOf, startHarness } from './harness';

/** A GET with the Host header a browser would send for `host` (fetch does not let a page choose it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path: pathname + search, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('servedHosts', () => {
  const serves = servedHosts({ base: 'http://127.0.0.1:4242/', port: 4242 });

  test('given the loopback names on the port, then they are served, in any case', () => {
    for (const host of ['127.0.0.1:4242', 'localhost:4242', '[::1]:4242', 'LOCALHOST:4242']) expect(serves(host), host).toBe(true);
  });

  test('given another name, another port or no port, then it is not served', () => {
    for (const host of ['evil.test:4242', 'localhost.evil.test:4242', '127.0.0.1.evil.test:4242', '127.0.0.1:4243', 'localhost', '0.0.0.0:4242', '127.1:4242', '2130706433:4242', 'localhost.:4242', '']) {
      expect(serves(host), host).toBe(false);
    }
  });

  test('given a public URL, then its host is served as the browser names it (no default port), and the loopback names on the listening port', () => {
    const proxied = servedHosts({ base: 'https://sandbox.example.test/', port: 4242 });
    expect(proxied('sandbox.example.test')).toBe(true);
    expect(proxied('127.0.0.1:4242')).toBe(true);
    expect(proxied('sandbox.example.test.evil.test')).toBe(false);
  });

  test('given allowed names, then they are served on any port', () => {
    const lan = servedHosts({ base: 'http://127.0.0.1:4242/', port: 4242, names: ['Checkout.Lava.Test'] });
    expect(lan('checkout.lava.test:41234')).toBe(true);
    expect(lan('checkout.lava.test')).toBe(true);
    expect(lan('checkout.lava.test.:41234')).toBe(false);
  });
});

describe('the sandbox and the Host header', () => {
  test('given a rebinding name for 127.0.0.1, when it asks for the inbox, then 421 and no codes', async () => {
    const h = await startHarness();
    await h.verify(secretOf(await h.createSession()));
    const own = await getWithHost(`${h.sandbox.url}/sandbox/inbox`, `127.0.0.1:${h.sandbox.port}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain('000000');
    const rebound = await getWithHost(`${h.sandbox.url}/sandbox/inbox`, `rebind.evil.test:${h.sandbox.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('000000');
    expect(JSON.parse(rebound.body).error.code).toBe('forbidden');
  });

  test('given allowedHosts, then those names are answered too', async () => {
    const h = await startHarness({ allowedHosts: ['checkout.lava.test'] });
    expect((await getWithHost(`${h.sandbox.url}/`, 'checkout.lava.test:8443')).status).toBe(200);
    expect((await getWithHost(`${h.sandbox.url}/`, 'other.lava.test:8443')).status).toBe(421);
  });
});
