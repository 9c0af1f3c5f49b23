import { describe, expect, it } from 'vitest';
import { isHello, helloMessage, parseAppMessage, parseHostMessage } from '../../../src/contract';

describe('bridge message guards', () => {
  it('accepts a well-formed success and copies only known keys', () => {
    const parsed = parseAppMessage({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1', extra: 1 });
    expect(parsed).toEqual({ type: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_1' });
  });

  it.each([
    ['null', null],
    ['a string', 'success'],
    ['an array', [{ type: 'success' }]],
    ['unknown type', { type: 'pwned' }],
    ['success without ids', { type: 'success' }],
    ['success with numeric id', { type: 'success', connectionId: 1, checkoutSessionId: 'cs_1' }],
    ['oversized id', { type: 'success', connectionId: 'x'.repeat(1_000_000), checkoutSessionId: 'cs_1' }],
    ['error with a code that is not a name', { type: 'error', code: 'Nope; DROP', message: 'x' }],
    ['error with an overlong code', { type: 'error', code: 'x'.repeat(41), message: 'x' }],
    ['resize with NaN', { type: 'resize', height: Number.NaN }],
    ['event with bad step', { type: 'event', event: { type: 'step', step: '<img>' } }],
    ['event with a numeric type', { type: 'event', event: { type: 7 } }],
    ['a type inherited from Object.prototype', { type: 'constructor' }],
    ['the prototype itself as the type', { type: '__proto__' }],
    ['an Object.prototype method as the type', { type: 'to_string' }],
    ['hasOwnProperty as the type (not a word: mixed case)', { type: 'hasOwnProperty' }],
  ])('rejects %s', (_name, value) => {
    expect(parseAppMessage(value)).toBeNull();
  });

  it('passes a well-formed code and event name this version does not know (a newer checkout), with known keys only', () => {
    expect(parseAppMessage({ type: 'error', code: 'card_velocity_exceeded', message: 'x', phone: '+1555' })).toEqual({
      type: 'error',
      code: 'card_velocity_exceeded',
      message: 'x',
    });
    expect(parseAppMessage({ type: 'event', event: { type: 'receipt_sent', email: 'a@b.c' } })).toEqual({
      type: 'event',
      event: { type: 'receipt_sent' },
    });
  });

  it('does not carry a __proto__ key through', () => {
    const hostile = JSON.parse('{"type":"cancel","__proto__":{"polluted":true}}');
    const parsed = parseAppMessage(hostile) as Record<string, unknown>;
    expect(parsed).toEqual({ type: 'cancel' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validates init from the host', () => {
    expect(parseHostMessage({ type: 'init', secret: 's', attemptId: 'a', embed: 'overlay', appearance: { theme: 'dark' } })).toEqual({
      type: 'init',
      secret: 's',
      attemptId: 'a',
      embed: 'overlay',
      appearance: { theme: 'dark' },
    });
    expect(parseHostMessage({ type: 'init', secret: 's', attemptId: 'a', embed: 'popup', appearance: {} })).toBeNull();
    expect(parseHostMessage({ type: 'init', secret: 's', attemptId: 'a', embed: 'overlay', appearance: { radius: 1e9 } })).toBeNull();
  });

  it('keeps confirmClose on init only when it is true, and refuses a non-boolean', () => {
    const init = { type: 'init', secret: 's', attemptId: 'a', embed: 'overlay', appearance: {} };
    expect(parseHostMessage({ ...init, confirmClose: true })).toMatchObject({ confirmClose: true });
    expect(parseHostMessage({ ...init, confirmClose: false })).not.toHaveProperty('confirmClose');
    expect(parseHostMessage({ ...init, confirmClose: 'yes' })).toBeNull();
  });

  it('recognises only the versioned hello', () => {
    expect(isHello(helloMessage())).toBe(true);
    expect(isHello({ ...helloMessage(), v: 2 })).toBe(false);
    expect(isHello({ type: 'hello' })).toBe(false);
  });
});
