import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../src/contract';
import { CodeStep } from '../../../src/checkout/steps/code/CodeStep';
import { atCode } from './fixtures';
import { renderStep } from './render';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'OTPCredential');
});

describe('code step', () => {
  it('given the code field, then it is one numeric one-time-code input with focus', () => {
    renderStep(CodeStep, atCode());
    const input = screen.getByLabelText('Verification code');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveFocus();
    expect(screen.getByText('We sent a 6-digit code to +1 •••• ••00.')).toBeInTheDocument();
  });

  it('when the sixth digit is typed, then the code is submitted once', async () => {
    const { user, dispatch } = renderStep(CodeStep, atCode());
    await user.type(screen.getByLabelText('Verification code'), '000000');
    expect(dispatch.mock.calls.filter(([e]) => e.type === 'SUBMIT_CODE')).toEqual([[{ type: 'SUBMIT_CODE', code: '000000' }]]);
  });

  it('when a whole code is pasted with spaces, then the digits are kept and submitted', async () => {
    const { user, dispatch } = renderStep(CodeStep, atCode());
    await user.click(screen.getByLabelText('Verification code'));
    await user.paste('123 456');
    expect(screen.getByLabelText('Verification code')).toHaveValue('123456');
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_CODE', code: '123456' });
  });

  it('given fewer than six digits, when verify is pressed, then it asks for all six', async () => {
    const { user, dispatch } = renderStep(CodeStep, atCode());
    await user.type(screen.getByLabelText('Verification code'), '123');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByText('Enter all 6 digits.')).toBeInTheDocument();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each<[ErrorCode, string]>([
    ['code_invalid', 'That code is not right. Check it and try again.'],
    ['code_expired', 'That code has expired. Send a new code.'],
    ['code_attempts_exceeded', 'Too many wrong codes. Send a new code to try again.'],
    ['rate_limited', 'Too many attempts. Please wait a moment and try again.'],
  ])('given the server answers %s, then the customer reads what to do', (code, text) => {
    renderStep(CodeStep, { ...atCode(), error: { code } });
    expect(screen.getByRole('alert')).toHaveTextContent(text);
  });

  it('given a cooldown, then resend waits with a visible countdown and then sends again', () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const { dispatch } = renderStep(CodeStep, { ...atCode(), resendAfter: 3 });
    const resend = screen.getByRole('button', { name: 'Send a new code' });
    expect(resend).toBeDisabled();
    expect(screen.getByText('You can request a new code in 3 seconds')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3100));
    expect(resend).toBeEnabled();
    act(() => resend.click());
    expect(dispatch).toHaveBeenCalledWith({ type: 'RESEND_CODE' });
  });

  it('when change number is pressed, then the flow goes back to the phone', async () => {
    const { user, dispatch } = renderStep(CodeStep, atCode());
    await user.click(screen.getByRole('button', { name: 'Change number' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'CHANGE_NUMBER' });
  });

  it('given a resumed session without the number, then only change number is offered', () => {
    renderStep(CodeStep, { ...atCode(), phone: null });
    expect(screen.queryByRole('button', { name: 'Send a new code' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change number' })).toBeInTheDocument();
  });

  it('given WebOTP, then the code from the SMS is submitted, and leaving the step aborts the request', async () => {
    let signal: AbortSignal | undefined;
    let deliver: (value: unknown) => void = () => {};
    Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    const get = vi.fn((options: CredentialRequestOptions) => {
      signal = options.signal ?? undefined;
      return new Promise((resolve) => {
        deliver = resolve;
      });
    });
    vi.stubGlobal('navigator', { ...navigator, credentials: { get } });
    const { dispatch, unmount } = renderStep(CodeStep, atCode());
    expect(get).toHaveBeenCalledWith(expect.objectContaining({ otp: { transport: ['sms'] } }));
    await act(async () => deliver({ code: '654321' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_CODE', code: '654321' });
    unmount();
    expect(signal?.aborted).toBe(true);
  });

  it('given a wrong code, then the field is cleared for the next try', async () => {
    const { user, rerender } = renderStep(CodeStep, atCode());
    await user.type(screen.getByLabelText('Verification code'), '111111');
    rerender({ ...atCode(), error: { code: 'code_invalid' } });
    expect(screen.getByLabelText('Verification code')).toHaveValue('');
  });
});
