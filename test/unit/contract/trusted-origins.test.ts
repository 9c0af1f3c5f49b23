import { describe, expect, it } from 'vitest';
import { decodeTrustedToken, encodeToken, LAVA_DOMAIN, LavaCheckoutError, normalizeBase, trustedBase } from '../../../src/contract';

const trusted = (base: string, listed?: string[]) => {
  try {
    return trustedBase(normalizeBase(base), listed);
  } catch (error) {
    return error instanceof LavaCheckoutError ? `${error.code}: ${error.message}` : 'not-a-coded-error';
  }
};

describe('the checkout origins the host SDK trusts', () => {
  it('given Lava\'s own domain over https, the host or a subdomain, then trusted (and the base comes back as it was)', () => {
    expect(LAVA_DOMAIN).toBe('lavapayments.com');
    for (const base of ['https://lavapayments.com/', 'https://checkout.lavapayments.com/', 'https://a.b.lavapayments.com:8443/x/', 'https://CHECKOUT.LavaPayments.com/']) {
      expect(trusted(base), base).toBe(normalizeBase(base));
    }
  });

  it('given the sandbox on a loopback address, http or https, then trusted', () => {
    for (const base of ['http://localhost:4242/', 'https://localhost/', 'http://127.0.0.1:4242/', 'http://127.8.9.10:1/', 'http://[::1]:4242/', 'http://127.1:4242/']) {
      expect(trusted(base), base).toBe(normalizeBase(base));
    }
  });

  it('given lookalikes, plain http, a trailing dot or another host, then invalid_token naming the origin', () => {
    const cases: Array<[string, string]> = [
      ['http://lavapayments.com/', 'http://lavapayments.com'],
      ['http://checkout.lavapayments.com/', 'http://checkout.lavapayments.com'],
      ['https://lavapayments.com.evil.test/', 'https://lavapayments.com.evil.test'],
      ['https://LAVAPAYMENTS.COM.EVIL.TEST/', 'https://lavapayments.com.evil.test'],
      ['https://evillavapayments.com/', 'https://evillavapayments.com'],
      ['https://lavapayments-com.evil.test/', 'https://lavapayments-com.evil.test'],
      ['https://checkout.lavapayments.com./', 'https://checkout.lavapayments.com.'],
      ['https://lavapayments.co/', 'https://lavapayments.co'],
      ['https://checkout.lava.so/', 'https://checkout.lava.so'],
      ['http://localhost.evil.test:4242/', 'http://localhost.evil.test:4242'],
      ['http://127.0.0.1.evil.test/', 'http://127.0.0.1.evil.test'],
      ['http://localhost./', 'http://localhost.'],
      ['http://192.168.1.20:4242/', 'http://192.168.1.20:4242'],
      ['http://0.0.0.0:4242/', 'http://0.0.0.0:4242'],
      ['http://[::ffff:127.0.0.1]:4242/', 'http://[::ffff:7f00:1]:4242'],
    ];
    for (const [base, origin] of cases) {
      expect(trusted(base), base).toBe(`invalid_token: Invalid checkout session token: untrusted checkout origin ${origin}`);
    }
  });

  it('given origins the merchant listed, then exactly those are trusted as well', () => {
    const listed = ['https://checkout.staging.example.com', 'http://192.168.1.20:4242'];
    expect(trusted('https://checkout.staging.example.com/', listed)).toBe('https://checkout.staging.example.com/');
    expect(trusted('http://192.168.1.20:4242/sandbox/', listed)).toBe('http://192.168.1.20:4242/sandbox/');
    expect(trusted('http://checkout.staging.example.com/', listed)).toMatch(/^invalid_token/);
    expect(trusted('https://checkout.staging.example.com:8443/', listed)).toMatch(/^invalid_token/);
    expect(trusted('http://192.168.1.20:4243/', listed)).toMatch(/^invalid_token/);
  });

  it('given a token, then decodeTrustedToken checks its base the same way', () => {
    const secret = 'cs_secret_0123456789abcdef';
    expect(decodeTrustedToken(encodeToken({ secret, base: 'https://checkout.lavapayments.com/' }))).toEqual({ secret, base: 'https://checkout.lavapayments.com/' });
    expect(() => decodeTrustedToken(encodeToken({ secret, base: 'https://evil.test/' }))).toThrow(/untrusted checkout origin https:\/\/evil\.test/);
    expect(decodeTrustedToken(encodeToken({ secret, base: 'https://evil.test/' }), ['https://evil.test']).base).toBe('https://evil.test/');
  });
});
