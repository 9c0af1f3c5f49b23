import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChallengeStep } from '../../../src/checkout/steps/payment/ChallengeStep';
import { PaymentStep } from '../../../src/checkout/steps/payment/PaymentStep';
import { SandboxCardForm } from '../../../src/checkout/steps/payment/SandboxCardForm';
import { DoneStep, DONE_DELAY_MS } from '../../../src/checkout/steps/end/DoneStep';
import type { FlowState } from '../../../src/checkout/flow/types';
import { atPayment, challenged, paid, run } from './fixtures';
import { renderStep } from './render';

afterEach(() => vi.useRealTimers());

const now = () => new Date(2026, 10, 25);
const Sandbox = (props: Parameters<typeof SandboxCardForm>[0]) => <SandboxCardForm {...props} now={now} />;
const pay = (state: FlowState) => renderStep(PaymentStep, state, { Processor: Sandbox });

async function fillCard(user: ReturnType<typeof pay>['user'], number: string, expiry = '12/34', cvc = '123') {
  await user.type(screen.getByLabelText('Card number'), number);
  await user.type(screen.getByLabelText('Expiry (MM/YY)'), expiry);
  await user.type(screen.getByLabelText('CVC'), cvc);
}

describe('payment step with the sandbox processor', () => {
  it('given the form, then it is clearly labelled as sandbox and lists the test cards', () => {
    pay(atPayment());
    expect(screen.getByText('Sandbox — no real charge')).toBeInTheDocument();
    expect(screen.getByText(/4000 0025 0000 3155 asks for authentication/)).toBeInTheDocument();
    expect(screen.getByLabelText('Card number')).toHaveFocus();
    expect(screen.getByText('$25.00')).toBeInTheDocument();
  });

  it('given bad card data, then each field says what is wrong and nothing is charged', async () => {
    const { user, dispatch } = pay(atPayment());
    await fillCard(user, '4242424242424241', '0125', '12');
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription('This card number is not valid.');
    expect(screen.getByLabelText('Expiry (MM/YY)')).toHaveAccessibleDescription('This card has expired.');
    expect(screen.getByLabelText('CVC')).toHaveAccessibleDescription('The CVC has 3 digits.');
    expect(screen.getByLabelText('Card number')).toHaveFocus();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given a good card and autopay chosen, then it pays with the card and the save choice', async () => {
    const { user, dispatch } = pay(atPayment());
    await fillCard(user, '4242424242424242');
    expect(screen.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    await user.click(screen.getByLabelText('Save this card for autopay'));
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    expect(dispatch).toHaveBeenCalledWith({
      type: 'PAY',
      input: { kind: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' }, saveCard: true },
    });
  });

  it('given a subscription, then the button says subscribe', () => {
    pay(atPayment('subscription'));
    expect(screen.getByRole('button', { name: 'Subscribe — $25.00' })).toBeInTheDocument();
  });

  it('given a payment in flight, then pay, back and close-worthy controls are disabled', () => {
    pay(run([{ type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } }], atPayment()));
    expect(screen.getByRole('button', { name: /Processing payment/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
  });

  it('given a decline, then the processor reason is announced with a hint to try another card', () => {
    pay({ ...atPayment(), error: { code: 'card_declined', message: 'Your card was declined (test card 4000 0000 0000 0002).' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Your card was declined (test card 4000 0000 0000 0002).');
    expect(screen.getByText('Please try another card.')).toBeInTheDocument();
  });

  it('given a saved card, then it is offered first and paying with it sends its id', async () => {
    const state = atPayment();
    const withCard = {
      ...state,
      intent: { ...state.intent!, saved_cards: [{ payment_method_id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 4, exp_year: 2031 }] },
    };
    const { user, dispatch } = pay(withCard);
    expect(screen.getByLabelText('Visa ending in 4242, expires 04/31')).toBeChecked();
    expect(screen.queryByLabelText('Card number')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Pay $25.00' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } });
    await user.click(screen.getByLabelText('Use a new card'));
    expect(screen.getByLabelText('Card number')).toBeInTheDocument();
  });

  it('when back is pressed, then the flow goes back to choosing', async () => {
    const { user, dispatch } = pay(atPayment());
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'BACK' });
  });
});

describe('sandbox authentication challenge', () => {
  it.each([
    ['Approve', true],
    ['Fail authentication', false],
  ])('when %s is pressed, then the answer is sent', async (name, approve) => {
    const { user, dispatch } = renderStep(ChallengeStep, run([{ type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } }, challenged], atPayment()));
    expect(screen.getByText('Sandbox authentication: choose what your bank would answer.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'ANSWER_CHALLENGE', approve });
  });
});

describe('done step', () => {
  const done = () => run([{ type: 'PAY', input: { kind: 'saved', paymentMethodId: 'pm_1' } }, paid], atPayment());

  it('given success, then it says so and tells the host after a moment', () => {
    vi.useFakeTimers();
    const { dispatch } = renderStep(DoneStep, done());
    expect(screen.getByRole('heading', { name: 'All set' })).toHaveFocus();
    expect(screen.getByText('Your wallet is funded and linked.')).toBeInTheDocument();
    expect(dispatch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(DONE_DELAY_MS));
    expect(dispatch).toHaveBeenCalledWith({ type: 'FINISH' });
  });

  it('when continue is pressed, then the host is told at once', async () => {
    const { user, dispatch } = renderStep(DoneStep, done());
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'FINISH' });
  });
});
