import { describe, expect, it, vi } from 'vitest';
import type { FlowApi } from '../../../src/checkout/api/client';
import { createFlowController, type FlowObserver } from '../../../src/checkout/flow/controller';
import { idempotencyKeys, memoryStorage } from '../../../src/checkout/flow/idempotency';
import { initialState } from '../../../src/checkout/flow/initial-state';
import type { StartResponse } from '../../../src/contract';
import { startResponse } from './fixtures';

function recorder() {
  const log: string[] = [];
  const obs: FlowObserver = {
    firstScreenDrawn: (step) => log.push(`reveal:${step}`),
    sessionStartedAt: (step) => log.push(`ready:${step}`),
    event: (event) => log.push(`event:${event.type}${'step' in event ? `:${event.step}` : ''}`),
    lock: () => log.push('lock'),
    unlock: () => log.push('unlock'),
    outcome: (outcome) => log.push(`outcome:${outcome.kind}`),
    session: () => log.push('session'),
  };
  return { obs, log };
}

/** A start that answers only when the test says so. */
function heldStart(response: StartResponse) {
  let answer!: () => void;
  const gate = new Promise<void>((resolve) => (answer = resolve));
  const log: string[] = [];
  const api = {
    start: vi.fn(async () => {
      log.push('start');
      await gate;
      log.push('start answered');
      return response;
    }),
    sendCode: vi.fn(async () => {
      log.push('send_code');
      return { phone_masked: '+1 •••• ••00', resend_after: 30, expires_in: 600 };
    }),
  } as unknown as FlowApi;
  return { api, log, answer };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const keys = (id: string) => idempotencyKeys(memoryStorage(), id);

describe('flow controller: phone step before start answers', () => {
  it('given init, then the frame is revealed on the phone step at once and the ready event waits for start', async () => {
    const { obs, log } = recorder();
    const held = heldStart(startResponse());
    const controller = createFlowController({ api: held.api, secret: 's', parentOrigin: null, keys }, obs, initialState({ phoneBeforeStart: true }));
    controller.dispatch({ type: 'START' });
    expect(log).toEqual(['reveal:phone']);
    held.answer();
    await flush();
    expect(log).toEqual(['reveal:phone', 'session', 'ready:phone', 'event:step:phone']);
  });

  it('given init before start answers, when the customer submits a phone, then send_code goes out after start answered', async () => {
    const { obs } = recorder();
    const held = heldStart(startResponse());
    const controller = createFlowController({ api: held.api, secret: 's', parentOrigin: null, keys }, obs, initialState({ phoneBeforeStart: true }));
    controller.dispatch({ type: 'START' });
    controller.dispatch({ type: 'SUBMIT_PHONE', phone: '+12015550100' });
    await flush();
    expect(held.log).toEqual(['start']);
    held.answer();
    await flush();
    await flush();
    expect(held.log).toEqual(['start', 'start answered', 'send_code']);
    expect(held.api.sendCode).toHaveBeenCalledWith('ft_start', '+12015550100');
    expect(controller.getState().screen).toBe('code');
  });

  it('given a resumed session, then the ready event names the step start placed it at', async () => {
    const { obs, log } = recorder();
    const held = heldStart(startResponse('onboarding', { progress: { step: 'wallet', verified: true, wallet_exists: false } }));
    const controller = createFlowController({ api: held.api, secret: 's', parentOrigin: null, keys }, obs, initialState({ phoneBeforeStart: true }));
    controller.dispatch({ type: 'START' });
    held.answer();
    await flush();
    expect(log).toEqual(['reveal:phone', 'session', 'ready:wallet', 'event:step:wallet']);
    expect(controller.getState().screen).toBe('wallet_create');
  });
});
