import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PhoneStep } from '../../../src/checkout/steps/phone/PhoneStep';
import { run, started } from './fixtures';
import { renderStep } from './render';

// The number tools (libphonenumber-js) arrive only when the test lets them.
const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
});
vi.mock('../../../src/checkout/steps/phone/validate-phone', async (original) => {
  await gate.opened;
  return original();
});

describe('phone step before libphonenumber has loaded', { timeout: 30_000 }, () => {
  it('given the tools not loaded, when +44 is typed, then the calling code alone picks the UK; +1 picks the US', async () => {
    const { user } = renderStep(PhoneStep, run([{ type: 'START' }, started()]), { language: 'de-DE' });
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '+44');
    expect(screen.getByRole('button', { name: 'Country: United Kingdom (+44)' })).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '+1');
    expect(await screen.findByRole('button', { name: 'Country: United States (+1)' })).toBeInTheDocument();
  });

  it('given the tools not loaded, when a number is typed and submitted, then it is sent as E.164 once they arrive, formatted', async () => {
    const { user, dispatch } = renderStep(PhoneStep, run([{ type: 'START' }, started()]), { language: 'en-US' });
    const input = screen.getByLabelText('Phone number');
    expect(await screen.findByRole('button', { name: 'Country: United States (+1)' })).toBeInTheDocument();
    await user.type(input, '2015550100');
    expect(input).toHaveValue('2015550100');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).not.toHaveBeenCalled();
    await act(async () => gate.open());
    await waitFor(() => expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+12015550100' }));
    await waitFor(() => expect(input).toHaveValue('(201) 555-0100'));
  });
});
