import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox, TEST_CODE } from '../../../src/sandbox/index';

/**
 * The sandbox on the developer's machine, attacked from web pages: DNS rebinding (a page on the
 * attacker's name, re-pointed at 127.0.0.1, reads the sandbox as its own origin; the browser
 * still sends the attacker's name in Host), and the getResult preflight as an oracle of which
 * sites have checkout sessions.
 */
const ORIGIN = 'http://localhost:5173';
let sandbox: Sandbox;

function send(method: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', memory: true });
  const session = (await fetch(`${sandbox.restUrl}checkout_sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkout_mode: 'onboarding', origin_url: ORIGIN }),
  }).then((r) => r.json())) as { checkout_session_token: string };
  const secret = JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString()).secret;
  const flow = (path: string, token: string | null, body: unknown) =>
    fetch(`${sandbox.url}/api/flow/${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<{ flow_token: string }>,
    );
  const { flow_token } = await flow('start', null, { secret, parent_origin: ORIGIN });
  await flow('phone/send', flow_token, { phone: '+12015550166' });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('local server', () => {
  test('given Host names a web page can rebind to 127.0.0.1, when they ask for the inbox, the charges, the REST API and the checkout, then each is refused (421) and reads nothing', async () => {
    const port = sandbox.port;
    const hosts = [
      `rebind.evil.test:${port}`,
      `localhost.evil.test:${port}`,
      `127.0.0.1.evil.test:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `evil.test`,
      `localhost.:${port}`,
      `0.0.0.0:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `127.0.0.2:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost:${port}.evil.test`,
    ];
    const key = { authorization: `Bearer ${sandbox.secretKey}` };
    const targets = [
      { path: '/sandbox/inbox', headers: {} },
      { path: '/sandbox/inbox?phone=%2B12015550166', headers: {} },
      { path: '/sandbox/charges', headers: {} },
      { path: '/v1/checkout_sessions', headers: key },
      { path: '/embed/checkout', headers: {} },
      { path: '/', headers: {} },
    ];
    let attempts = 0;
    const accepted: string[] = [];
    for (const host of hosts) {
      for (const target of targets) {
        attempts++;
        const answer = await send('GET', target.path, { ...target.headers, host });
        if (answer.status < 400 || answer.body.includes(TEST_CODE)) accepted.push(`${host} ${target.path} -> ${answer.status}`);
      }
    }
    // The control: the same requests on the sandbox's own names are answered.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send('GET', '/sandbox/inbox', { host })).body).toContain(TEST_CODE);
    }
    console.log(`[attacks] dns rebinding (Host header): ${attempts} attempts, ${accepted.length} accepted`);
    expect(accepted).toEqual([]);
  });

  test('given preflights from the merchant origin and from origins with no session, then every answer is the same apart from the echoed origin', async () => {
    const origins = [ORIGIN, 'https://evil.example', 'http://localhost:5174', 'https://shop.example.com', 'http://127.0.0.1:5173'];
    const answers: Array<{ status: number; grant: boolean; methods: unknown }> = [];
    for (const origin of origins) {
      const answer = await send('OPTIONS', '/api/checkout/result', { host: `127.0.0.1:${sandbox.port}`, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' });
      answers.push({ status: answer.status, grant: answer.headers['access-control-allow-origin'] === origin, methods: answer.headers['access-control-allow-methods'] });
    }
    const differing = answers.filter((a) => JSON.stringify(a) !== JSON.stringify(answers[1]));
    console.log(`[attacks] getResult preflight oracle: ${origins.length} attempts, ${differing.length} accepted`);
    expect(differing).toEqual([]);
  });
});
