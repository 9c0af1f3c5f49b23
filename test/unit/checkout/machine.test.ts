import { describe, expect, it } from 'vitest';
import type { ErrorCode, StartResponse } from '../../../src/contract';
import { initialState } from '../../../src/checkout/flow/initial-state';
import { transition } from '../../../src/checkout/flow/machine';
import { isBusy, isPaying } from '../../../src/checkout/flow/status';
import type { FlowState } from '../../../src/checkout/flow/types';
import {
  atCode,
  atPayment,
  codeSent,
  failedWith,
  intentCreated,
  knownWallet,
  on,
  paid,
  reply,
  run,
  startResponse,
  started,
  verified,
  walletReady,
} from './fixtures';

const details = { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com' };

describe('flow machine: start', () => {
  it('when started, then it asks for the session once and ignores a second start', () => {
    const state = run([{ type: 'START' }]);
    expect(state.command).toMatchObject({ kind: 'start' });
    expect(isBusy(state)).toBe(true);
    expect(transition(state, { type: 'START' })).toBe(state);
  });

  it('given a fresh session, when start answers, then the phone screen shows and the step is reported', () => {
    const state = run([{ type: 'START' }, started()]);
    expect(state.screen).toBe('phone');
    expect(state.flowToken).toBe('ft_start');
    expect(state.session).not.toHaveProperty('flow_token');
    expect(state.emits).toEqual([{ type: 'step', step: 'phone' }]);
  });

  it.each<ErrorCode>(['session_expired', 'session_used', 'origin_mismatch', 'session_not_found', 'unauthorized', 'forbidden'])(
    'given start fails with %s, then the failure screen shows, an error event goes out and retry does nothing',
    (code) => {
      const state = run([{ type: 'START' }, failedWith(code)]);
      expect(state.screen).toBe('failure');
      expect(on(state, 'failure').failure).toEqual({ code });
      expect(state.emits).toContainEqual({ type: 'error', code });
      expect(transition(state, { type: 'RETRY' })).toBe(state);
    },
  );

  it.each<ErrorCode>(['network', 'internal', 'rate_limited'])(
    'given start fails with %s, when the customer retries, then start is asked again',
    (code) => {
      const failed = run([{ type: 'START' }, failedWith(code)]);
      expect(failed.screen).toBe('failure');
      const retried = transition(failed, { type: 'RETRY' });
      expect(retried.screen).toBe('loading');
      expect(retried.command).toMatchObject({ kind: 'start' });
      expect(retried.command!.id).not.toBe(failed.nextCommandId - 1);
      expect(run([started()], retried).screen).toBe('phone');
    },
  );

  it('given an answer for a command no longer in flight, then it is dropped', () => {
    const state = run([{ type: 'START' }]);
    const stale = transition(state, { type: 'STARTED', id: state.command!.id + 7, response: startResponse() });
    expect(stale).toBe(state);
  });
});

describe('flow machine: resume from progress', () => {
  const resume = (progress: StartResponse['progress'], mode: Parameters<typeof startResponse>[0] = 'onboarding') =>
    run([{ type: 'START' }, started(startResponse(mode, { progress }))]);

  it('given a code was sent, then it resumes on the code screen with the masked phone and no resend', () => {
    const state = resume({ step: 'code', verified: false, phone_masked: '+1 •••• ••00' });
    expect(state.screen).toBe('code');
    expect(on(state, 'code').phoneMasked).toBe('+1 •••• ••00');
    expect(transition(state, { type: 'RESEND_CODE' })).toBe(state);
  });

  it('given a verified number without a wallet, then it resumes on create wallet', () => {
    expect(resume({ step: 'wallet', verified: true, wallet_exists: false }).screen).toBe('wallet_create');
  });

  it('given a verified number with an unlinked wallet, then it resumes on the consent screen', () => {
    expect(resume({ step: 'wallet', verified: true, wallet_exists: true }).screen).toBe('wallet_link');
  });

  it('given a linked wallet, then it resumes where the mode buys', () => {
    const progress = { step: 'payment' as const, verified: true, connection_id: 'conn_1' };
    expect(resume(progress, 'onboarding').screen).toBe('amount');
    expect(resume(progress, 'subscription').screen).toBe('plan');
    expect(resume(progress, 'credit_bundle').screen).toBe('bundle');
  });

  it('given the session is done, then it shows done and finishing reports success', () => {
    const state = resume({ step: 'done', verified: true, connection_id: 'conn_9' });
    expect(state.screen).toBe('done');
    expect(transition(state, { type: 'FINISH' }).outcome).toEqual({
      kind: 'success',
      connectionId: 'conn_9',
      checkoutSessionId: 'cs_test_1',
    });
  });
});

describe('flow machine: phone and code', () => {
  it('when a phone is submitted, then a code is requested and the submit is busy', () => {
    const state = run([{ type: 'START' }, started(), { type: 'SUBMIT_PHONE', phone: '+12015550100' }]);
    expect(state.command).toMatchObject({ kind: 'send_code', phone: '+12015550100' });
    expect(isBusy(state)).toBe(true);
    expect(transition(state, { type: 'SUBMIT_PHONE', phone: '+12015550101' })).toBe(state);
  });

  it('given an owner-only checkout, when another number is used, then the phone screen says so and the session goes on', () => {
    const state = run([{ type: 'START' }, started(startResponse('topup')), { type: 'SUBMIT_PHONE', phone: '+12015550101' }, failedWith('forbidden')]);
    expect(state.screen).toBe('phone');
    expect(state.error).toEqual({ code: 'forbidden' });
    expect(state.outcome).toBeNull();
  });

  it('when the code is sent, then the code screen shows with the cooldown and otp_sent is reported', () => {
    const state = atCode();
    expect(state.screen).toBe('code');
    expect(state.resendAfter).toBe(30);
    expect(state.codeSends).toBe(1);
    expect(state.emits).toEqual([{ type: 'otp_sent' }, { type: 'step', step: 'code' }]);
    expect(JSON.stringify(state.emits)).not.toContain('2015550100');
  });

  it.each<[ErrorCode, number | undefined]>([
    ['invalid_phone', undefined],
    ['rate_limited', 42],
    ['network', undefined],
    ['internal', undefined],
  ])('given sending fails with %s, then the phone screen shows it inline and accepts a new try', (code, retryAfter) => {
    const state = run([{ type: 'START' }, started(), { type: 'SUBMIT_PHONE', phone: '+12015550100' }, failedWith(code, undefined, retryAfter)]);
    expect(state.screen).toBe('phone');
    expect(isBusy(state)).toBe(false);
    expect(state.error).toEqual(retryAfter === undefined ? { code } : { code, retryAfter });
    expect(transition(state, { type: 'SUBMIT_PHONE', phone: '+12015550100' }).command).toMatchObject({ kind: 'send_code' });
  });

  it('given fewer than six digits, then no verification is asked', () => {
    const state = atCode();
    expect(transition(state, { type: 'SUBMIT_CODE', code: '12345' })).toBe(state);
    expect(transition(state, { type: 'SUBMIT_CODE', code: '12345a' })).toBe(state);
  });

  it.each<ErrorCode>(['code_invalid', 'code_expired', 'code_attempts_exceeded', 'rate_limited', 'network'])(
    'given verification fails with %s, then the code screen shows it inline',
    (code) => {
      const state = run([{ type: 'SUBMIT_CODE', code: '123456' }, failedWith(code)], atCode());
      expect(state.screen).toBe('code');
      expect(state.error).toEqual({ code });
      expect(isBusy(state)).toBe(false);
    },
  );

  it('when the customer asks to resend, then the same number gets a new code and the cooldown restarts', () => {
    const state = run([{ type: 'RESEND_CODE' }], atCode());
    expect(state.command).toMatchObject({ kind: 'send_code', phone: '+12015550100' });
    expect(on(run([codeSent], state), 'code').codeSends).toBe(2);
  });

  it('when the customer changes the number, then the phone screen shows again', () => {
    const state = transition(atCode(), { type: 'CHANGE_NUMBER' });
    expect(state.screen).toBe('phone');
    expect(state.emits).toEqual([{ type: 'step', step: 'phone' }]);
  });

  it('given a new number, when the code is right, then create wallet shows with the verified token', () => {
    const state = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified()], atCode());
    expect(state.screen).toBe('wallet_create');
    expect(state.flowToken).toBe('ft_verified');
    expect(state.emits).toEqual([{ type: 'otp_verified' }, { type: 'step', step: 'wallet' }]);
  });

  it('given a known number, when the code is right, then the consent screen shows', () => {
    const state = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet)], atCode());
    expect(state.screen).toBe('wallet_link');
    expect(on(state, 'wallet_link').wallet).toEqual(knownWallet.wallet);
  });

  it('given a wallet already linked to the merchant, then it links again without asking and goes on', () => {
    const linked = { ...knownWallet, wallet: { ...knownWallet.wallet, already_linked: true } } as typeof knownWallet;
    const state = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(linked)], atCode());
    expect(state.command).toMatchObject({ kind: 'link_wallet' });
    expect(isBusy(state)).toBe(true);
    const next = run([walletReady(false)], state);
    expect(next.screen).toBe('amount');
    expect(next.error).toBeNull();
  });
});

describe('flow machine: wallet', () => {
  const atCreate = (mode: Parameters<typeof atCode>[0] = 'onboarding') =>
    run([{ type: 'SUBMIT_CODE', code: '000000' }, verified()], atCode(mode));

  it('when a wallet is created in onboarding, then the amount screen shows and wallet_created is reported', () => {
    const state = run([{ type: 'CREATE_WALLET', details }, walletReady(true)], atCreate());
    expect(state.screen).toBe('amount');
    expect(on(state, 'amount').connectionId).toBe('conn_1');
    expect(state.emits).toEqual([{ type: 'wallet_created' }, { type: 'step', step: 'amount' }]);
  });

  it('when a wallet is linked in subscription (a new connection), then the plan shows and wallet_linked is reported', () => {
    const state = run(
      [{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet), { type: 'LINK_WALLET' }, walletReady(true)],
      atCode('subscription'),
    );
    expect(state.screen).toBe('plan');
    expect(state.emits[0]).toEqual({ type: 'wallet_linked' });
  });

  it('given the wallet is already on the plan, then it is told so and completes without a charge', () => {
    const told = run([{ type: 'CREATE_WALLET', details }, walletReady(false, { already_subscribed: true })], atCreate('subscription'));
    expect(told.screen).toBe('already_subscribed');
    const completing = transition(told, { type: 'CONTINUE_SUBSCRIBED' });
    expect(completing.command).toMatchObject({ kind: 'complete' });
    const done = run([reply((id) => ({ type: 'COMPLETED' as const, id, response: { connection_id: 'conn_1', checkout_session_id: 'cs_test_1' } }))], completing);
    expect(done.screen).toBe('done');
    expect(done.emits).toContainEqual({ type: 'subscription_active' });
    expect(done).not.toHaveProperty('intent');
  });

  it.each<ErrorCode>(['invalid_wallet_details', 'invalid_request', 'conflict', 'network'])(
    'given creating fails with %s, then the form shows it inline',
    (code) => {
      const state = run([{ type: 'CREATE_WALLET', details }, failedWith(code)], atCreate());
      expect(state.screen).toBe('wallet_create');
      expect(state.error).toEqual({ code });
    },
  );

  it.each<ErrorCode>(['session_expired', 'unauthorized', 'session_used'])(
    'given the session ends (%s) mid-flow, then the failure screen shows',
    (code) => {
      const state = run([{ type: 'CREATE_WALLET', details }, failedWith(code)], atCreate());
      expect(state.screen).toBe('failure');
      expect(state.emits).toContainEqual({ type: 'error', code });
    },
  );
});

describe('flow machine: owner modes', () => {
  it('given topup, when the owner verifies, then the amount shows for the session connection', () => {
    const state = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet)], atCode('topup'));
    expect(state.screen).toBe('amount');
    expect(on(state, 'amount').connectionId).toBe('conn_owner');
  });

  it('given credit_bundle, when the owner verifies, then the bundle shows', () => {
    const state = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet)], atCode('credit_bundle'));
    expect(state.screen).toBe('bundle');
  });

  it('given a topup resumed verified, then it goes to amount with the owner connection', () => {
    const state = run([{ type: 'START' }, started(startResponse('topup', { progress: { step: 'amount', verified: true } }))]);
    expect(state.screen).toBe('amount');
    expect(on(state, 'amount').connectionId).toBe('conn_owner');
  });
});

describe('flow machine: choosing what to buy', () => {
  const atAmount = () =>
    run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(), { type: 'CREATE_WALLET', details }, walletReady(true)], atCode());

  it.each(['4.99', '500.01', 'abc', '1.234', ''])('given amount "%s" outside the rules, then it is refused inline', (amount) => {
    const state = transition(atAmount(), { type: 'CHOOSE_AMOUNT', amount });
    expect(state.error).toEqual({ code: 'amount_out_of_range' });
    expect(state.command).toBeNull();
  });

  it('given a valid amount, then an intent for it is created and the payment shows', () => {
    const choosing = transition(atAmount(), { type: 'CHOOSE_AMOUNT', amount: ' 5.00 ' });
    expect(choosing.command).toMatchObject({ kind: 'create_intent', amount: '5.00' });
    const state = run([intentCreated('5.00')], choosing);
    expect(state.screen).toBe('payment');
    expect(on(state, 'payment').intent.amount).toBe('5.00');
  });

  it('given the server refuses the amount, then the amount screen shows it', () => {
    const state = run([{ type: 'CHOOSE_AMOUNT', amount: '25.00' }, failedWith('amount_out_of_range')], atAmount());
    expect(state.screen).toBe('amount');
    expect(state.error).toEqual({ code: 'amount_out_of_range' });
  });

  it('given a subscription plan confirmed, then the intent is priced by the server', () => {
    const atPlan = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(), { type: 'CREATE_WALLET', details }, walletReady(true)], atCode('subscription'));
    const state = transition(atPlan, { type: 'CONFIRM_PLAN' });
    expect(state.command).toEqual({ kind: 'create_intent', id: expect.any(Number) });
  });

  it('given the intent conflicts in subscription, then the customer is told they are already on the plan', () => {
    const atPlan = run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(), { type: 'CREATE_WALLET', details }, walletReady(true)], atCode('subscription'));
    const state = run([{ type: 'CONFIRM_PLAN' }, failedWith('conflict')], atPlan);
    expect(state.screen).toBe('already_subscribed');
  });

  it('when going back from payment, then the choice screen shows again', () => {
    const state = transition(atPayment(), { type: 'BACK' });
    expect(state.screen).toBe('amount');
    expect(state).not.toHaveProperty('intent');
  });
});

describe('flow machine: payment', () => {
  const card = { kind: 'card' as const, card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' }, saveCard: true };

  it('when paying, then the charge is in flight, reported, and a second click does nothing', () => {
    const state = transition(atPayment(), { type: 'PAY', input: card });
    expect(isPaying(state)).toBe(true);
    expect(state.command).toMatchObject({ kind: 'confirm_payment', intentId: 'pi_1', input: card });
    expect(state.emits).toEqual([{ type: 'payment_submitted' }]);
    expect(transition(state, { type: 'PAY', input: card })).toBe(state);
    expect(transition(state, { type: 'BACK' })).toBe(state);
  });

  it.each(['onboarding', 'topup', 'credit_bundle', 'subscription'] as const)(
    'given %s, when the charge succeeds, then done shows and finishing reports success once',
    (mode) => {
      const done = run([{ type: 'PAY', input: card }, paid], atPayment(mode));
      expect(done.screen).toBe('done');
      expect(isPaying(done)).toBe(false);
      expect(done.emits.some((e) => e.type === 'subscription_active')).toBe(mode === 'subscription');
      const finished = transition(done, { type: 'FINISH' });
      expect(finished.outcome).toEqual({ kind: 'success', connectionId: 'conn_1', checkoutSessionId: 'cs_test_1' });
      expect(transition(finished, { type: 'FINISH' })).toBe(finished);
    },
  );

  it.each(['card_declined', 'insufficient_funds', 'authentication_failed', 'invalid_card'] as const)(
    'given the processor answers %s, then the reason shows, the lock is released and another card can be tried',
    (code) => {
      const failed = run(
        [{ type: 'PAY', input: card }, reply((id) => ({ type: 'PAYMENT_RESULT' as const, id, response: { status: 'failed' as const, code, message: 'Reason from processor' } }))],
        atPayment(),
      );
      expect(failed.screen).toBe('payment');
      expect(isPaying(failed)).toBe(false);
      expect(failed.error).toEqual({ code, message: 'Reason from processor' });
      expect(failed.emits).toEqual([{ type: 'payment_failed', code }]);
      expect(transition(failed, { type: 'PAY', input: card }).command).toMatchObject({ kind: 'confirm_payment' });
    },
  );

  it.each<ErrorCode>(['card_declined', 'network', 'payment_in_progress', 'internal', 'rate_limited'])(
    'given the confirm request fails with %s, then the payment screen shows it and unlocks',
    (code) => {
      const state = run([{ type: 'PAY', input: card }, failedWith(code)], atPayment());
      expect(state.screen).toBe('payment');
      expect(isPaying(state)).toBe(false);
      expect(state.error?.code).toBe(code);
    },
  );

  it('given authentication is required, then the challenge shows and its answer is sent', () => {
    const challenged = run(
      [{ type: 'PAY', input: card }, reply((id) => ({ type: 'PAYMENT_RESULT' as const, id, response: { status: 'requires_action' as const, challenge_id: 'ch_3ds' } }))],
      atPayment(),
    );
    expect(challenged.screen).toBe('challenge');
    expect(isPaying(challenged)).toBe(true);
    expect(challenged.emits).toEqual([{ type: 'authentication_required' }]);
    const answering = transition(challenged, { type: 'ANSWER_CHALLENGE', approve: true });
    expect(answering.command).toMatchObject({ kind: 'answer_challenge', intentId: 'pi_1', challengeId: 'ch_3ds', approve: true });
    expect(run([paid], answering).screen).toBe('done');
  });

  it('given a failed challenge, then the payment screen shows the reason', () => {
    const state = run(
      [
        { type: 'PAY', input: card },
        reply((id) => ({ type: 'PAYMENT_RESULT' as const, id, response: { status: 'requires_action' as const, challenge_id: 'ch_3ds' } })),
        { type: 'ANSWER_CHALLENGE', approve: false },
        reply((id) => ({ type: 'PAYMENT_RESULT' as const, id, response: { status: 'failed' as const, code: 'authentication_failed' as const, message: 'Not confirmed' } })),
      ],
      atPayment(),
    );
    expect(state.screen).toBe('payment');
    expect(state).not.toHaveProperty('challengeId');
    expect(state.error?.code).toBe('authentication_failed');
  });

  it('given a client-side processor, when it starts and fails, then it locks and unlocks with the reason', () => {
    const startedPay = transition(atPayment(), { type: 'PAY_STARTED' });
    expect(isPaying(startedPay)).toBe(true);
    expect(startedPay.emits).toEqual([{ type: 'payment_submitted' }]);
    const failed = transition(startedPay, { type: 'PAY_CLIENT_FAILED', error: { code: 'card_declined', message: 'Declined' } });
    expect(isPaying(failed)).toBe(false);
    expect(failed.error).toEqual({ code: 'card_declined', message: 'Declined' });
  });

  it('given a client-side processor confirmed, when its result is sent, then payment_submitted is not repeated', () => {
    const state = run([{ type: 'PAY_STARTED' }, { type: 'PAY', input: { kind: 'stripe', paymentIntentId: 'pi_s', saveCard: false } }], atPayment());
    expect(state.emits).toEqual([]);
    expect(state.command).toMatchObject({ kind: 'confirm_payment', input: { kind: 'stripe', paymentIntentId: 'pi_s' } });
  });
});

describe('flow machine: closing', () => {
  it('given a screen before payment, when closed, then it cancels with the session id', () => {
    const state = transition(atCode(), { type: 'CLOSE' });
    expect(state.outcome).toEqual({ kind: 'cancel', checkoutSessionId: 'cs_test_1' });
    expect(state.emits).toEqual([{ type: 'close_attempt' }]);
  });

  it('given loading, when closed, then it cancels without a session id', () => {
    expect(transition(run([{ type: 'START' }]), { type: 'CLOSE' }).outcome).toEqual({ kind: 'cancel', checkoutSessionId: undefined });
  });

  it('given a payment in flight, when closed, then nothing ends and the attempt is reported', () => {
    const paying = transition(atPayment(), { type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } });
    const state = transition(paying, { type: 'CLOSE' });
    expect(state.outcome).toBeNull();
    expect(isPaying(state)).toBe(true);
    expect(state.command).toBe(paying.command);
    expect(state.emits).toEqual([{ type: 'close_attempt' }]);
  });

  it.each<ErrorCode>(['session_expired', 'session_used', 'origin_mismatch', 'network'])(
    'given the failure screen for %s, when closed, then it ends with that error code',
    (code) => {
      const state = run([{ type: 'START' }, failedWith(code), { type: 'CLOSE' }]);
      expect(state.outcome).toEqual({ kind: 'error', code, checkoutSessionId: undefined });
    },
  );

  it('given done, when closed, then it ends in success', () => {
    const state = run([{ type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } }, paid, { type: 'CLOSE' }], atPayment());
    expect(state.outcome).toMatchObject({ kind: 'success', connectionId: 'conn_1' });
  });

  it('given a host that confirms closes, when the customer closes, then only close_attempt is reported and nothing ends', () => {
    const asking: FlowState = { ...atCode(), askBeforeClose: true };
    const state = transition(asking, { type: 'CLOSE' });
    expect(state.outcome).toBeNull();
    expect(state.screen).toBe('code');
    expect(state.emits).toEqual([{ type: 'close_attempt' }]);
  });

  it('given a host that confirms closes, when the host then asks to close, then it cancels without a second close_attempt', () => {
    const asked = transition({ ...atCode(), askBeforeClose: true }, { type: 'CLOSE' });
    const state = transition(asked, { type: 'CLOSE', byHost: true });
    expect(state.outcome).toEqual({ kind: 'cancel', checkoutSessionId: 'cs_test_1' });
    expect(state.emits).toEqual([]);
  });

  it('given a payment in flight, when the host asks to close, then nothing changes', () => {
    const paying = transition(atPayment(), { type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } });
    expect(transition(paying, { type: 'CLOSE', byHost: true })).toBe(paying);
  });

  it('given an outcome, then every later event is ignored', () => {
    const ended: FlowState = transition(atCode(), { type: 'CLOSE' });
    expect(transition(ended, { type: 'SUBMIT_CODE', code: '000000' })).toBe(ended);
    expect(transition(ended, { type: 'CLOSE' })).toBe(ended);
  });

  it('given the initial state, then nothing is in flight', () => {
    const state = initialState();
    expect(state).toMatchObject({ screen: 'loading', command: null, outcome: null });
    expect(isBusy(state)).toBe(false);
    expect(isPaying(state)).toBe(false);
  });
});
