import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../../src/sandbox/http/bearer';

describe('bearerToken', () => {
  it.each([
    ['Bearer aks_test_1', 'aks_test_1'],
    ['bearer   aks_test_1', 'aks_test_1'],
    [`Bearer ${'a'.repeat(512)}`, 'a'.repeat(512)],
    [undefined, undefined],
    ['', undefined],
    ['aks_test_1', undefined],
    ['Basic YWxhZGRpbjpvcGVu', undefined],
    ['Bearer ', undefined],
    ['Bearer a b', undefined],
    [`Bearer ${'a'.repeat(513)}`, undefined],
  ])('given %j, then the token is %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
