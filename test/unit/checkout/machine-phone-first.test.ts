import { describe, expect, it } from 'vitest';
import { initialState } from '../../../src/checkout/flow/initial-state';
import { transition } from '../../../src/checkout/flow/machine';
import { isBeforeStart, isBusy, reportedStep } from '../../../src/checkout/flow/status';
import { codeSent, failedWith, on, run, startResponse, started } from './fixtures';

const early = () => initialState({ phoneBeforeStart: true });
const phone = '+12015550100';

describe('flow machine: phone step drawn before start answers', () => {
  it('given the early phone step, when started, then start is asked once, the field stays usable and the host still hears loading', () => {
    const state = run([{ type: 'START' }], early());
    expect(state.screen).toBe('phone');
    expect(state.command).toMatchObject({ kind: 'start' });
    expect(isBusy(state)).toBe(false);
    expect(reportedStep(state)).toBe('loading');
    expect(state.emits).toEqual([]);
    expect(transition(state, { type: 'START' })).toBe(state);
  });

  it('given init before start answers, when the customer submits a phone, then send_code is issued after start answers', () => {
    const waiting = run([{ type: 'START' }, { type: 'SUBMIT_PHONE', phone }], early());
    expect(waiting.command).toMatchObject({ kind: 'start' });
    expect(isBusy(waiting)).toBe(true);
    expect(transition(waiting, { type: 'SUBMIT_PHONE', phone: '+12015550101' })).toBe(waiting);

    const after = run([started()], waiting);
    expect(after.command).toMatchObject({ kind: 'send_code', phone });
    expect(isBusy(after)).toBe(true);
    expect(after.flowToken).toBe('ft_start');
    expect(after.emits).toEqual([{ type: 'step', step: 'phone' }]);
    expect(run([codeSent], after).screen).toBe('code');
  });

  it('given a phone submitted before START itself, when START comes, then start goes out and the phone follows its answer', () => {
    const state = run([{ type: 'SUBMIT_PHONE', phone }, { type: 'START' }], early());
    expect(state.command).toMatchObject({ kind: 'start' });
    expect(run([started()], state).command).toMatchObject({ kind: 'send_code', phone });
  });

  it('given a fresh session, when start answers, then the phone step stays and the step is reported as before', () => {
    const state = run([{ type: 'START' }, started()], early());
    expect(state.screen).toBe('phone');
    expect(state.command).toBeNull();
    expect(isBeforeStart(state)).toBe(false);
    expect(reportedStep(state)).toBe('phone');
    expect(state.emits).toEqual([{ type: 'step', step: 'phone' }]);
  });

  it('given start answers the session is past the phone step, then a typed phone is dropped and the screen moves on', () => {
    const resumed = startResponse('onboarding', { progress: { step: 'wallet', verified: true, wallet_exists: true } });
    const state = run([{ type: 'START' }, { type: 'SUBMIT_PHONE', phone }, started(resumed)], early());
    expect(state.screen).toBe('wallet_link');
    expect(state.command).toBeNull();
    expect(isBusy(state)).toBe(false);
    expect(state).not.toHaveProperty('phone');
    expect(state.emits).toEqual([{ type: 'step', step: 'wallet' }]);
  });

  it('given start answers a code was already sent, then it resumes on the code screen without sending again', () => {
    const resumed = startResponse('onboarding', { progress: { step: 'code', verified: false, phone_masked: '+1 •••• ••00' } });
    const state = run([{ type: 'START' }, { type: 'SUBMIT_PHONE', phone }, started(resumed)], early());
    expect(state.screen).toBe('code');
    expect(state.command).toBeNull();
    expect(on(state, 'code').phoneMasked).toBe('+1 •••• ••00');
  });

  it('given start fails, then the failure screen replaces the phone step and the phone is not sent', () => {
    const state = run([{ type: 'START' }, { type: 'SUBMIT_PHONE', phone }, failedWith('session_expired')], early());
    expect(state.screen).toBe('failure');
    expect(state.command).toBeNull();
    expect(state).not.toHaveProperty('phone');
    expect(state.emits).toEqual([
      { type: 'error', code: 'session_expired' },
      { type: 'step', step: 'error' },
    ]);
  });

  it('given start fails with network, when retried, then it loads and starts again as before', () => {
    const state = run([{ type: 'START' }, failedWith('network'), { type: 'RETRY' }], early());
    expect(state.screen).toBe('loading');
    expect(state.command).toMatchObject({ kind: 'start' });
    expect(run([started()], state).screen).toBe('phone');
  });
});

describe('flow machine: closed before start answers', () => {
  it('given the early phone step, when the host closes before start answers, then it ends only once start answers, naming the session', () => {
    const waiting = run([{ type: 'START' }], early());
    const closing = transition(waiting, { type: 'CLOSE', byHost: true });
    expect(closing.outcome).toBeNull();
    expect(closing).toMatchObject({ closeAfterStart: true });
    const ended = run([started()], closing);
    expect(ended.outcome).toEqual({ kind: 'cancel', checkoutSessionId: startResponse().checkout_session_id });
  });

  it('given the early phone step, when the customer closes and start then fails, then it ends with the failure code', () => {
    const closing = run([{ type: 'START' }, { type: 'CLOSE' }], early());
    expect(closing.emits).toEqual([{ type: 'close_attempt' }]);
    const ended = run([failedWith('session_expired')], closing);
    expect(ended.outcome).toMatchObject({ kind: 'error', code: 'session_expired' });
  });
});
