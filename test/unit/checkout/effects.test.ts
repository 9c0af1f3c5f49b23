import { describe, expect, it, vi } from 'vitest';
import type { FlowApi } from '../../../src/checkout/api/client';
import { FlowApiError } from '../../../src/checkout/api/client';
import { type EffectDeps, runCommand } from '../../../src/checkout/flow/effects';
import { flowTokenStore } from '../../../src/checkout/flow/flow-token-store';
import { idempotencyKeys, memoryStorage } from '../../../src/checkout/flow/idempotency';
import type { FlowState, IssuedCommand } from '../../../src/checkout/flow/types';
import { atPayment } from './fixtures';

const card = { kind: 'card' as const, card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' }, saveCard: false };

function setup(api: Partial<FlowApi>) {
  const storage = memoryStorage();
  let n = 0;
  const deps: EffectDeps = {
    api: api as FlowApi,
    secret: 'sec_abcdefghijklmnop',
    parentOrigin: 'http://localhost:5173',
    keys: (id) => idempotencyKeys(storage, id, () => `key-${++n}`),
  };
  return { deps, storage };
}

const confirm = (_state: FlowState): IssuedCommand => ({ kind: 'confirm_payment', id: 9, intentId: 'pi_1', input: card });

describe('effects runner', () => {
  it('when starting, then the secret and parent origin go to start and the answer comes back with the command id', async () => {
    const start = vi.fn(async () => ({ checkout_session_id: 'cs_1', progress: { step: 'phone', verified: false } }) as never);
    const { deps } = setup({ start });
    const event = await runCommand({ kind: 'start', id: 3 }, atPayment(), deps);
    expect(start).toHaveBeenCalledWith({ secret: 'sec_abcdefghijklmnop', parent_origin: 'http://localhost:5173' }, undefined);
    expect(event).toMatchObject({ type: 'STARTED', id: 3 });
  });

  it('given a confirm, then its idempotency key is stored before the request and reused when retried', async () => {
    const { deps, storage } = setup({});
    const seen: string[] = [];
    deps.api = {
      confirmPayment: vi.fn(async (_t, body) => {
        seen.push(body.idempotency_key);
        expect(storage.getItem('lava:idem:cs_test_1:confirm:pi_1')).toBe(body.idempotency_key);
        throw new FlowApiError('network', 'lost', 0);
      }),
    } as unknown as FlowApi;
    const first = await runCommand(confirm(atPayment()), atPayment(), deps);
    const second = await runCommand(confirm(atPayment()), atPayment(), deps);
    expect(first).toMatchObject({ type: 'REQUEST_FAILED', error: { code: 'network' } });
    expect(second.type).toBe('REQUEST_FAILED');
    expect(seen).toEqual(['key-1', 'key-1']);
  });

  it('given a decline, then the next card is a new attempt with a new key', async () => {
    const keys: string[] = [];
    const { deps } = setup({
      confirmPayment: vi.fn(async (_t, body) => {
        keys.push(body.idempotency_key);
        return { status: 'failed' as const, code: 'card_declined' as const, message: 'Declined' };
      }),
    });
    await runCommand(confirm(atPayment()), atPayment(), deps);
    await runCommand(confirm(atPayment()), atPayment(), deps);
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  it('given a decline as an HTTP error, then it keeps the processor reason and rotates the key', async () => {
    const keys: string[] = [];
    const { deps } = setup({
      confirmPayment: vi.fn(async (_t, body) => {
        keys.push(body.idempotency_key);
        throw new FlowApiError('insufficient_funds', 'Your card has insufficient funds.', 402);
      }),
    });
    const event = await runCommand(confirm(atPayment()), atPayment(), deps);
    await runCommand(confirm(atPayment()), atPayment(), deps);
    expect(event).toMatchObject({ type: 'REQUEST_FAILED', error: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' } });
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  it('given a card, then the confirm body carries the card and the save choice only', async () => {
    const confirmPayment = vi.fn(async () => ({ status: 'requires_action' as const, challenge_id: 'c1' }));
    const { deps } = setup({ confirmPayment });
    await runCommand(confirm(atPayment()), atPayment(), deps);
    expect(confirmPayment).toHaveBeenCalledWith('ft_verified', {
      intent_id: 'pi_1',
      idempotency_key: 'key-1',
      card: card.card,
      save_card: false,
    });
  });

  it('given a challenge answer, then it is sent with its own key, kept for its retries', async () => {
    const confirmPayment = vi.fn(async () => ({ status: 'requires_action' as const, challenge_id: 'c1' }));
    const { deps } = setup({ confirmPayment });
    await runCommand(confirm(atPayment()), atPayment(), deps);
    await runCommand({ kind: 'answer_challenge', id: 10, intentId: 'pi_1', challengeId: 'c1', approve: true }, atPayment(), deps);
    await runCommand({ kind: 'answer_challenge', id: 11, intentId: 'pi_1', challengeId: 'c1', approve: true }, atPayment(), deps);
    expect(confirmPayment).toHaveBeenCalledTimes(3);
    expect(confirmPayment).toHaveBeenLastCalledWith('ft_verified', {
      intent_id: 'pi_1',
      idempotency_key: 'key-2',
      challenge: { challenge_id: 'c1', approve: true },
    });
  });

  it('given an amount, then the intent key is per amount and the same amount reuses it', async () => {
    const createIntent = vi.fn(async () => ({}) as never);
    const { deps } = setup({ createIntent });
    await runCommand({ kind: 'create_intent', id: 1, amount: '25.00' }, atPayment(), deps);
    await runCommand({ kind: 'create_intent', id: 2, amount: '50.00' }, atPayment(), deps);
    await runCommand({ kind: 'create_intent', id: 3, amount: '25.00' }, atPayment(), deps);
    expect(createIntent.mock.calls.map((c) => (c as unknown as [string, { idempotency_key: string }])[1].idempotency_key)).toEqual([
      'key-1',
      'key-2',
      'key-1',
    ]);
  });

  it('given a subscription intent, then no amount is sent', async () => {
    const createIntent = vi.fn(async () => ({}) as never);
    const { deps } = setup({ createIntent });
    await runCommand({ kind: 'create_intent', id: 1 }, atPayment(), deps);
    expect(createIntent).toHaveBeenCalledWith('ft_verified', { idempotency_key: 'key-1' });
  });

  it('given an unexpected throw, then it becomes an internal error event', async () => {
    const { deps } = setup({ linkWallet: vi.fn(async () => Promise.reject(new Error('bug'))) });
    expect(await runCommand({ kind: 'link_wallet', id: 4 }, atPayment(), deps)).toEqual({ type: 'REQUEST_FAILED', id: 4, error: { code: 'internal' } });
  });

  describe('the verified flow token, kept for a reload', () => {
    const started = (flow_token: string, verified: boolean) =>
      ({ checkout_session_id: 'cs_1', flow_token, progress: verified ? { step: 'wallet', verified } : { step: 'phone', verified } }) as never;

    it('when the code is verified, then its token is kept; the next start proves it and keeps the rotated one', async () => {
      const { deps, storage } = setup({
        verifyCode: vi.fn(async () => ({ flow_token: 'ft_verified_1', wallet: { exists: false as const } })),
        start: vi.fn(async () => started('ft_verified_2', true)),
      });
      const tokens = flowTokenStore({ ...storage, survivesReload: true });
      deps.tokens = tokens;
      await runCommand({ kind: 'verify_code', id: 1, code: '000000' }, atPayment(), deps);
      expect(tokens.read(deps.secret)).toBe('ft_verified_1');
      await runCommand({ kind: 'start', id: 2 }, atPayment(), deps);
      expect(deps.api.start).toHaveBeenCalledWith({ secret: deps.secret, parent_origin: 'http://localhost:5173', flow_token: 'ft_verified_1' }, undefined);
      expect(tokens.read(deps.secret)).toBe('ft_verified_2');
    });

    it('given a kept token that proved nothing (spent elsewhere), then it is forgotten', async () => {
      const { deps, storage } = setup({ start: vi.fn(async () => started('ft_fresh', false)) });
      deps.tokens = flowTokenStore({ ...storage, survivesReload: true });
      deps.tokens.keep(deps.secret, 'ft_spent');
      await runCommand({ kind: 'start', id: 1 }, atPayment(), deps);
      expect(deps.tokens.read(deps.secret)).toBeNull();
    });

    it('when the payment succeeds, then nothing is left to resume', async () => {
      const { deps, storage } = setup({
        confirmPayment: vi.fn(async () => ({ status: 'succeeded' as const, connection_id: 'conn_1', checkout_session_id: 'cs_test_1', charge_id: 'ch_1' })),
      });
      deps.tokens = flowTokenStore({ ...storage, survivesReload: true });
      deps.tokens.keep(deps.secret, 'ft_verified');
      await runCommand(confirm(atPayment()), atPayment(), deps);
      expect(deps.tokens.read(deps.secret)).toBeNull();
    });

    it('given a frame that may not use storage, then start and verify go with the proof cookie and nothing is stored', async () => {
      const { deps, storage } = setup({
        verifyCode: vi.fn(async () => ({ flow_token: 'ft_verified_1', wallet: { exists: false as const } })),
        start: vi.fn(async () => started('ft_verified_2', true)),
      });
      deps.tokens = flowTokenStore({ ...storage, survivesReload: false });
      await runCommand({ kind: 'verify_code', id: 1, code: '000000' }, atPayment(), deps);
      await runCommand({ kind: 'start', id: 2 }, atPayment(), deps);
      expect(deps.api.verifyCode).toHaveBeenCalledWith('ft_verified', '000000', { proofCookie: true });
      expect(deps.api.start).toHaveBeenCalledWith({ secret: deps.secret, parent_origin: 'http://localhost:5173' }, { proofCookie: true });
      expect(deps.tokens.read(deps.secret)).toBeNull();
    });

    it('given no store (the legacy path), then start carries no token', async () => {
      const { deps } = setup({ start: vi.fn(async () => started('ft_fresh', false)) });
      await runCommand({ kind: 'start', id: 1 }, atPayment(), { ...deps, parentOrigin: null });
      expect(deps.api.start).toHaveBeenCalledWith({ secret: deps.secret, parent_origin: null }, undefined);
    });

    it('given two sessions, then each has its own entry, and the secret is not written to storage', () => {
      const written: string[] = [];
      const storage = memoryStorage();
      const tokens = flowTokenStore({
        ...storage,
        survivesReload: true,
        setItem: (key, value) => {
          written.push(key, value);
          storage.setItem(key, value);
        },
      });
      tokens.keep('sec_first_abcdefghijkl', 'ft_a');
      tokens.keep('sec_other_abcdefghijkl', 'ft_b');
      expect([tokens.read('sec_first_abcdefghijkl'), tokens.read('sec_other_abcdefghijkl'), tokens.read('sec_third_abcdefghijkl')]).toEqual(['ft_a', 'ft_b', null]);
      expect(written.join(' ')).not.toMatch(/sec_/);
    });
  });

  it('given keys in session storage, then a reload finds the same key', () => {
    const storage = memoryStorage();
    const first = idempotencyKeys(storage, 'cs_1', () => 'a').confirmKey('pi_1');
    const afterReload = idempotencyKeys(storage, 'cs_1', () => 'b').confirmKey('pi_1');
    const otherSession = idempotencyKeys(storage, 'cs_2', () => 'c').confirmKey('pi_1');
    expect([first, afterReload, otherSession]).toEqual(['a', 'a', 'c']);
  });
});
