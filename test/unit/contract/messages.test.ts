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
    ['error with unknown code', { type: 'error', code: 'nope', message: 'x' }],
    ['resize with NaN', { type: 'resize', height: Number.NaN }],
    ['event with bad step', { type: 'event', event: { type: 'step', step: 'hack' } }],
  ])('rejects %s', (_name, value) => {
    expect(parseAppMessage(value)).toBeNull();
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
