import { describe, expect, it } from 'vitest';
import { reportedOrigin } from '../../../src/checkout/bridge/child';

const MERCHANT = 'https://shop.example';
const ATTACKER = 'https://evil.example';

function frameWith(ancestorOrigins?: string[]): Window {
  return { location: { ancestorOrigins } } as unknown as Window;
}

describe('reportedOrigin (the origin the server checks against the session)', () => {
  it('given an engine without ancestorOrigins, then the handshake origin is reported', () => {
    expect(reportedOrigin(frameWith(undefined), MERCHANT)).toBe(MERCHANT);
  });

  it('given a top-level merchant page, then the merchant is reported', () => {
    expect(reportedOrigin(frameWith([MERCHANT]), MERCHANT)).toBe(MERCHANT);
  });

  it('given the parent masked as "null" (Firefox under referrerpolicy no-referrer), then the handshake origin stands for it', () => {
    expect(reportedOrigin(frameWith(['null']), MERCHANT)).toBe(MERCHANT);
  });

  it('given the merchant page framed by another site, then that site is reported (the server refuses it)', () => {
    expect(reportedOrigin(frameWith([MERCHANT, ATTACKER]), MERCHANT)).toBe(ATTACKER);
  });

  it('given a masked parent and another site above it, then that site is reported', () => {
    expect(reportedOrigin(frameWith(['null', ATTACKER]), MERCHANT)).toBe(ATTACKER);
  });

  it('given the merchant page framed by a site that hides its origin, then the masked "null" is reported (never a session origin)', () => {
    expect(reportedOrigin(frameWith([MERCHANT, 'null']), MERCHANT)).toBe('null');
    expect(reportedOrigin(frameWith(['null', 'null']), MERCHANT)).toBe('null');
  });

  it('given a parent entry that differs from the handshake origin, then that entry is reported', () => {
    expect(reportedOrigin(frameWith([ATTACKER]), MERCHANT)).toBe(ATTACKER);
  });

  it('given the merchant framed by its own origin, then the merchant is reported', () => {
    expect(reportedOrigin(frameWith([MERCHANT, MERCHANT]), MERCHANT)).toBe(MERCHANT);
  });
});
