import { describe, expect, it } from 'vitest';
import { decodeToken, encodeToken, LavaCheckoutError } from '../../../src/contract';

const good = { secret: 'cs_secret_0123456789abcdef', base: 'http://127.0.0.1:4242/' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof LavaCheckoutError ? error.code : 'not-a-coded-error';
  }
  return undefined;
}

describe('session token codec', () => {
  it('given a token made the 0.1.3 way (btoa of JSON), when decoded, then secret and base come back', () => {
    const token = btoa(JSON.stringify(good));
    expect(decodeToken(token)).toEqual(good);
    expect(decodeToken(encodeToken(good))).toEqual(good);
  });

  it('adds the trailing slash a base without one lacks', () => {
    expect(decodeToken(encodeToken({ ...good, base: 'https://checkout.example.com' })).base).toBe('https://checkout.example.com/');
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['not base64', '%%%'],
    ['base64 of non-JSON', btoa('hello')],
    ['JSON array', btoa('[]')],
    ['missing secret', btoa(JSON.stringify({ base: good.base }))],
    ['short secret', btoa(JSON.stringify({ ...good, secret: 'abc' }))],
    ['secret with a slash', btoa(JSON.stringify({ ...good, secret: '../../etc/passwd/aaaaaaaa' }))],
    ['javascript: base', btoa(JSON.stringify({ ...good, base: 'javascript:alert(1)//' }))],
    ['base with credentials', btoa(JSON.stringify({ ...good, base: 'https://a:b@x.com/' }))],
    ['huge', 'A'.repeat(5000)],
  ])('rejects %s with invalid_token', (_name, token) => {
    expect(codeOf(() => decodeToken(token))).toBe('invalid_token');
  });

  it('given a base with non-ASCII characters, when encoded and decoded, then they come back as UTF-8', () => {
    expect(decodeToken(encodeToken({ ...good, base: 'https://bücher.example/kasse/' })).base).toBe('https://xn--bcher-kva.example/kasse/');
  });

  it('given base64 of bytes that are not UTF-8, then invalid_token', () => {
    const latin1 = btoa(`{"secret":"${good.secret}","base":"http://127.0.0.1/\xff"}`);
    expect(codeOf(() => decodeToken(latin1))).toBe('invalid_token');
  });
});
