import { act, screen } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import { drawPhoneStepEarly, type EarlyPhoneStep } from '../../../src/checkout/start/draw-phone-step-early';
import { LaterScreen } from '../../../src/checkout/steps/LaterScreen';
import { WalletCreateStep } from '../../../src/checkout/steps/wallet/WalletCreateStep';
import type { AppMessage, Prefill } from '../../../src/contract';
import { atCode, run, startResponse, verified } from './fixtures';
import { renderStep } from './render';

const PREFILL: Prefill = { phone: '+14155550123', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

// The phone step takes the number as `initialPhone` (its own tests cover what it does with it):
// here a stand-in shows what it was given, on each render.
const phoneRenders = vi.hoisted(() => [] as Array<string | undefined>);
vi.mock('../../../src/checkout/steps/phone/PhoneStep', () => ({
  PhoneStep: ({ initialPhone }: { initialPhone?: string }) => {
    phoneRenders.push(initialPhone);
    return <input aria-label="Phone number" data-autofocus readOnly value={initialPhone ?? ''} />;
  },
}));

const atCreate = () => run([{ type: 'SUBMIT_CODE', code: '000000' }, verified()], atCode());

describe('the new-wallet form with a prefill', () => {
  it('given the merchant prefill, then the fields show it, and what the customer changes is what is sent', async () => {
    const { user, dispatch } = renderStep(WalletCreateStep, atCreate(), { prefill: PREFILL });
    expect(screen.getByLabelText('First name')).toHaveValue('Ada');
    expect(screen.getByLabelText('Last name')).toHaveValue('Lovelace');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'ada@lovelace.dev');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    expect(dispatch).toHaveBeenCalledWith({
      type: 'CREATE_WALLET',
      details: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@lovelace.dev' },
    });
  });

  it('given a prefill with the email only, then the names stay empty and must still be entered', async () => {
    const { user, dispatch } = renderStep(WalletCreateStep, atCreate(), { prefill: { email: 'ada@example.com' } });
    expect(screen.getByLabelText('First name')).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    expect(dispatch).not.toHaveBeenCalled();
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('Enter your first name.');
  });

  it('given the later screens with a prefill, then the wallet form gets it', () => {
    renderStep(LaterScreen, atCreate(), { prefill: PREFILL });
    expect(screen.getByLabelText('First name')).toHaveValue('Ada');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
  });
});

describe('the phone step with a prefill', () => {
  let root: Root | null = null;

  afterEach(async () => {
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    act(() => root?.unmount());
    root = null;
    document.body.innerHTML = '';
    phoneRenders.length = 0;
    vi.unstubAllGlobals();
  });

  it('given the phone step drawn before init, when init brings a prefill, then the render after it hands the number to the phone step', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    vi.stubGlobal('fetch', vi.fn(async () => Response.json(startResponse())));
    const sent: AppMessage[] = [];
    const link: HostLink = { send: (message) => sent.push(message), onCloseRequest: () => {} };
    let early!: EarlyPhoneStep;
    act(() => {
      early = drawPhoneStepEarly(root!);
    });
    expect(phoneRenders.length).toBeGreaterThan(0);
    expect(phoneRenders.every((phone) => phone === undefined)).toBe(true);
    const before = phoneRenders.length;
    let started!: { dispose(): void };
    await act(async () => {
      started = early.start({
        secret: 'sec_abcdefghijklmnop',
        parentOrigin: 'http://localhost:5173',
        link,
        embed: 'overlay',
        appearance: {},
        backdrop: false,
        prefill: PREFILL,
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(phoneRenders.slice(before)).toContain('+14155550123');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+14155550123');
    // The prefill is the customer's: nothing the app tells the host carries it.
    expect(JSON.stringify(sent)).not.toMatch(/4155550123|Ada|Lovelace|ada@example/);
    started.dispose();
  });
});
