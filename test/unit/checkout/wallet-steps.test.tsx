import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WalletCreateStep } from '../../../src/checkout/steps/wallet/WalletCreateStep';
import { WalletLinkStep } from '../../../src/checkout/steps/wallet/WalletLinkStep';
import { atCode, knownWallet, run, verified } from './fixtures';
import { renderStep } from './render';

const atCreate = () => run([{ type: 'SUBMIT_CODE', code: '000000' }, verified()], atCode());
const atLink = () => run([{ type: 'SUBMIT_CODE', code: '000000' }, verified(knownWallet)], atCode());

describe('create wallet step', () => {
  it('given empty fields and a bad email, when submitted, then each field says what is wrong and the first takes focus', async () => {
    const { user, dispatch } = renderStep(WalletCreateStep, atCreate());
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('Enter your first name.');
    expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription('Enter your last name.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(screen.getByLabelText('First name')).toHaveFocus();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('given valid details, when submitted, then the trimmed details are sent', async () => {
    const { user, dispatch } = renderStep(WalletCreateStep, atCreate());
    await user.type(screen.getByLabelText('First name'), ' Jo ');
    await user.type(screen.getByLabelText('Last name'), 'Doe');
    await user.type(screen.getByLabelText('Email'), 'jo@example.com ');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    expect(dispatch).toHaveBeenCalledWith({
      type: 'CREATE_WALLET',
      details: { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com' },
    });
  });

  it('given the server refuses the details, then it is announced', () => {
    renderStep(WalletCreateStep, { ...atCreate(), error: { code: 'invalid_wallet_details' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Please check your name and email.');
  });
});

describe('link wallet step', () => {
  it('given a known wallet, then consent names the merchant and shows only masked details, and focus is on the heading', async () => {
    const { user, dispatch } = renderStep(WalletLinkStep, atLink());
    const heading = screen.getByRole('heading', { name: 'Link your Lava wallet to Acme AI' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('J. D.')).toBeInTheDocument();
    expect(screen.getByText('j•••@example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Link wallet' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'LINK_WALLET' });
  });

  it('given linking in flight, then the button is disabled', () => {
    renderStep(WalletLinkStep, run([{ type: 'LINK_WALLET' }], atLink()));
    expect(screen.getByRole('button', { name: /Linking/ })).toBeDisabled();
  });
});
