import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { PhoneStep } from '../../../src/checkout/steps/phone/PhoneStep';
import { countryOptions } from '../../../src/checkout/steps/phone/countries';
import { loadPhoneTools } from '../../../src/checkout/steps/phone/phone-tools';
import { run, started, startResponse } from './fixtures';
import { renderStep, uncaughtErrors } from './render';

const atPhone = (mode: Parameters<typeof startResponse>[0] = 'onboarding', processor = startResponse().processor) =>
  run([{ type: 'START' }, started(startResponse(mode, { processor }))]);

describe('phone step', () => {
  // As after first paint: the number tools have loaded (phone-tools-lazy.test.tsx covers before).
  beforeAll(async () => {
    await loadPhoneTools();
  });

  it('given a US locale, when the number is typed, then it is formatted as typed and submitted as E.164', async () => {
    const { user, dispatch } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    const input = screen.getByLabelText('Phone number');
    expect(input).toHaveFocus();
    await user.type(input, '2015550100');
    expect(input).toHaveValue('(201) 555-0100');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+12015550100' });
  });

  it('given a short number, when submitted, then it says it is too short, tied to the field, and sends nothing', async () => {
    const { user, dispatch } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '201555');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(screen.getByText('This number is too short.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('This number is too short.');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given a number not valid for the country, when submitted, then it names the country', async () => {
    const { user, dispatch } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    await user.type(screen.getByLabelText('Phone number'), '1234567890');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(screen.getByText("This isn't a valid phone number for United States.")).toBeInTheDocument();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given an empty field, when submitted, then it asks for the number', async () => {
    const { user } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(screen.getByText('Enter your phone number.')).toBeInTheDocument();
  });

  it('given an empty field, when submitted, then focus goes back to the number field and nothing is thrown', async () => {
    const errors = uncaughtErrors();
    const { user, dispatch } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    const button = screen.getByRole('button', { name: 'Send code' });
    await user.click(button);
    expect(button).not.toHaveFocus();
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
    expect(errors).toEqual([]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given a British locale, then the country defaults to the UK and formats its numbers', async () => {
    const { user, dispatch } = renderStep(PhoneStep, atPhone(), { language: 'en-GB' });
    expect(screen.getByLabelText('Country')).toHaveValue('GB');
    await user.type(screen.getByLabelText('Phone number'), '07400123456');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+447400123456' });
  });

  it('given the step drawn, then every country is listed in the select, the default one chosen', async () => {
    renderStep(PhoneStep, atPhone(), { language: 'en-GB' });
    const select = screen.getByLabelText('Country') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(countryOptions().length));
    expect(select).toHaveValue('GB');
    expect(new Set(Array.from(select.options, (o) => o.value)).size).toBe(countryOptions().length);
  });

  it('when searching countries, then the list narrows and a found country can be chosen', async () => {
    const { user } = renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    await user.type(screen.getByLabelText('Search countries'), 'germ');
    const select = screen.getByLabelText('Country');
    const options = Array.from(select.querySelectorAll('option')).map((o) => o.value);
    expect(options).toEqual(expect.arrayContaining(['DE', 'US']));
    expect(options.length).toBeLessThan(5);
    await user.selectOptions(select, 'DE');
    expect(select).toHaveValue('DE');
  });

  it('given a request in flight, then the submit is disabled and busy', () => {
    const busy = run([{ type: 'SUBMIT_PHONE', phone: '+12015550100' }], atPhone());
    renderStep(PhoneStep, busy, { language: 'en-US' });
    const button = screen.getByRole('button', { name: /Sending code/ });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
  });

  it('given a server error, then it is announced', () => {
    renderStep(PhoneStep, { ...atPhone(), error: { code: 'rate_limited', retryAfter: 20 } }, { language: 'en-US' });
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Try again in 20 seconds.');
  });

  it('given the sandbox processor, then the test numbers are shown and labelled as sandbox', () => {
    renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    expect(screen.getByText(/\+1 201 555 0100 to 0199 always receive the code 000000/)).toHaveTextContent('Sandbox:');
  });

  it('given a live Stripe key, then no test hint is shown', () => {
    renderStep(PhoneStep, atPhone('onboarding', { kind: 'stripe', publishable_key: 'pk_live_123' }), { language: 'en-US' });
    expect(screen.queryByText(/000000/)).toBeNull();
  });

  it('given an owner-only checkout, then it asks for the account number and explains a wrong one', () => {
    const state = { ...atPhone('topup'), error: { code: 'forbidden' as const } };
    renderStep(PhoneStep, state, { language: 'en-US' });
    expect(screen.getByText(/enter the phone number of this account \(\+1 •••• ••00\)/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Use the phone number of the account this checkout is for.');
  });

  it('given the step, then its heading labels the dialog', () => {
    renderStep(PhoneStep, atPhone(), { language: 'en-US' });
    expect(screen.getByRole('dialog', { name: 'Enter your phone number' })).toBeInTheDocument();
  });
});
