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

  describe('given a message whose __proto__ is an own key, as JSON.parse makes it', () => {
    const hostile = (json: string) => {
      const value = JSON.parse(json) as Record<string, unknown>;
      // The attack is real: an own key, not the accessor on Object.prototype.
      expect(Object.hasOwn(value, '__proto__')).toBe(true);
      return value;
    };
    const expectClean = (parsed: object | null, keys: string[]) => {
      expect(parsed).not.toBeNull();
      expect(Object.keys(parsed!)).toEqual(keys);
      expect(Object.hasOwn(parsed!, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      expect((parsed as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    };

    it('then the app message read is a fresh object with the known keys only and a plain prototype', () => {
      const value = hostile('{"type":"success","connectionId":"conn_1","checkoutSessionId":"cs_1","__proto__":{"polluted":1}}');
      const parsed = parseAppMessage(value);
      expect(parsed).not.toBe(value);
      expectClean(parsed, ['type', 'connectionId', 'checkoutSessionId']);
    });

    it('then an event inside it is read the same way', () => {
      const value = hostile('{"type":"event","event":{"type":"step","step":"phone","__proto__":{"polluted":1}},"__proto__":{"polluted":1}}');
      const parsed = parseAppMessage(value) as { event: object } | null;
      expectClean(parsed, ['type', 'event']);
      expectClean(parsed!.event, ['type', 'step']);
    });

    it('then the host message read (init and its appearance) is too', () => {
      const value = hostile(
        '{"type":"init","secret":"s","attemptId":"a","embed":"overlay","appearance":{"theme":"dark","__proto__":{"polluted":1}},"__proto__":{"polluted":1}}',
      );
      const parsed = parseHostMessage(value) as { appearance: object } | null;
      expectClean(parsed, ['type', 'secret', 'attemptId', 'embed', 'appearance']);
      expectClean(parsed!.appearance, ['theme']);
    });
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

  describe('init.prefill', () => {
    const init = { type: 'init', secret: 's', attemptId: 'a', embed: 'overlay', appearance: {} };
    const prefillOf = (prefill: unknown) => (parseHostMessage({ ...init, prefill }) as { prefill?: unknown } | null)?.prefill;

    it('given every field as a string within its cap, then each is kept', () => {
      const prefill = { phone: '+14155550123', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
      expect(prefillOf(prefill)).toEqual(prefill);
    });

    it('given keys it does not know, then they are dropped', () => {
      expect(prefillOf({ email: 'ada@example.com', password: 'x', address: { city: 'London' } })).toEqual({ email: 'ada@example.com' });
    });

    it.each([
      ['a number as the phone', { phone: 14155550123, email: 'ada@example.com' }, { email: 'ada@example.com' }],
      ['an empty first name', { firstName: '', lastName: 'Lovelace' }, { lastName: 'Lovelace' }],
      ['a phone over 32 characters', { phone: '1'.repeat(33), firstName: 'Ada' }, { firstName: 'Ada' }],
      ['a name over 100 characters', { firstName: 'x'.repeat(101), lastName: 'Lovelace' }, { lastName: 'Lovelace' }],
      ['an email over 254 characters', { email: `${'x'.repeat(250)}@b.co`, phone: '4155550123' }, { phone: '4155550123' }],
      ['an object as the email', { email: { toString: (): string => 'a@b.c' }, firstName: 'Ada' }, { firstName: 'Ada' }],
    ])('given %s, then that field alone is left out and init still reads', (_name, prefill, kept) => {
      expect(parseHostMessage({ ...init, prefill })).toMatchObject(init);
      expect(prefillOf(prefill)).toEqual(kept);
    });

    it('given names at their caps, then they are kept', () => {
      const prefill = { phone: '1'.repeat(32), firstName: 'x'.repeat(100), lastName: 'y'.repeat(100), email: `${'e'.repeat(248)}@b.com` };
      expect(prefillOf(prefill)).toEqual(prefill);
    });

    it.each([
      ['a string', '+14155550123'],
      ['an array', ['+14155550123']],
      ['null', null],
      ['a number', 7],
      ['an object with no usable field', { phone: 1, email: '' }],
      ['an empty object', {}],
    ])('given %s as the prefill, then init reads without one', (_name, prefill) => {
      const parsed = parseHostMessage({ ...init, prefill });
      expect(parsed).toEqual({ ...init });
      expect(parsed).not.toHaveProperty('prefill');
    });

    it('given a prefill whose __proto__ is an own key (JSON.parse), then it is a fresh object with the known keys and a plain prototype', () => {
      const value = JSON.parse(
        `{"type":"init","secret":"s","attemptId":"a","embed":"overlay","prefill":{"email":"ada@example.com","__proto__":{"phone":"+1999","polluted":1}}}`,
      ) as { prefill: object };
      expect(Object.hasOwn(value.prefill, '__proto__')).toBe(true);
      const parsed = parseHostMessage(value) as { prefill: object } | null;
      expect(parsed?.prefill).toEqual({ email: 'ada@example.com' });
      expect(Object.hasOwn(parsed!.prefill, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(parsed!.prefill)).toBe(Object.prototype);
      expect((parsed!.prefill as Record<string, unknown>).phone).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('recognises only the versioned hello', () => {
    expect(isHello(helloMessage())).toBe(true);
    expect(isHello({ ...helloMessage(), v: 2 })).toBe(false);
    expect(isHello({ type: 'hello' })).toBe(false);
  });
});
