import { describe, expect, it, vi } from 'vitest';
import type { FlowApi } from '../../../src/checkout/api/client';
import { createFlowController, type FlowObserver } from '../../../src/checkout/flow/controller';
import { idempotencyKeys, memoryStorage } from '../../../src/checkout/flow/idempotency';
import { atPayment, startResponse } from './fixtures';

function observer() {
  const log: string[] = [];
  const obs: FlowObserver = {
    sessionStartedAt: (step) => log.push(`ready:${step}`),
    event: (event) => log.push(`event:${event.type}${'step' in event ? `:${event.step}` : ''}`),
    lock: () => log.push('lock'),
    unlock: () => log.push('unlock'),
    outcome: (outcome) => log.push(`outcome:${outcome.kind}`),
    session: (session) => log.push(`session:${session.checkout_session_id}`),
  };
  return { obs, log };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('flow controller', () => {
  it('when started, then the session, ready and the first step are reported once', async () => {
    const { obs, log } = observer();
    const api = { start: vi.fn(async () => startResponse()) } as unknown as FlowApi;
    const controller = createFlowController({ api, secret: 's', parentOrigin: null, keys: (id) => idempotencyKeys(memoryStorage(), id) }, obs);
    controller.dispatch({ type: 'START' });
    controller.dispatch({ type: 'START' });
    await flush();
    expect(api.start).toHaveBeenCalledTimes(1);
    expect(controller.getState().screen).toBe('phone');
    expect(log).toEqual(['session:cs_test_1', 'ready:phone', 'event:step:phone']);
  });

  it('when paying, then the lock goes out before the charge request and the unlock after its answer', async () => {
    const { obs, log } = observer();
    const api = {
      confirmPayment: vi.fn(async () => {
        log.push('request');
        return { status: 'succeeded' as const, connection_id: 'conn_1', checkout_session_id: 'cs_test_1', charge_id: 'ch' };
      }),
    } as unknown as FlowApi;
    const controller = createFlowController({ api, secret: 's', parentOrigin: null, keys: (id) => idempotencyKeys(memoryStorage(), id) }, obs, atPayment());
    const listener = vi.fn();
    controller.subscribe(listener);
    const input = { kind: 'saved' as const, paymentMethodId: 'pm_1' };
    controller.dispatch({ type: 'PAY', input });
    controller.dispatch({ type: 'PAY', input });
    await flush();
    expect(api.confirmPayment).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['ready:payment', 'lock', 'event:payment_submitted', 'request', 'unlock', 'event:step:done']);
    controller.dispatch({ type: 'FINISH' });
    controller.dispatch({ type: 'CLOSE' });
    expect(log.filter((l) => l.startsWith('outcome'))).toEqual(['outcome:success']);
    expect(listener).toHaveBeenCalled();
  });
});
