import { describe, expect, it } from 'vitest';
import { fromMinor, toMinor } from '../../../src/contract';

describe('money', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['1000000.99', 100000099],
  ])('%s -> %i minor units', (text, minor) => {
    expect(toMinor(text)).toBe(minor);
  });

  it.each(['-1', '1.234', '01', '1e3', ' 1', '', 'NaN', '0x10'])('rejects %j', (text) => {
    expect(toMinor(text)).toBeNull();
  });

  it('formats minor units with two decimals', () => {
    expect(fromMinor(1205)).toBe('12.05');
    expect(fromMinor(-50)).toBe('-0.50');
    expect(() => fromMinor(1.5)).toThrow(RangeError);
  });
});
