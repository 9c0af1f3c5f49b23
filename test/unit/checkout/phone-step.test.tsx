import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PhoneStep } from '../../../src/checkout/steps/phone/PhoneStep';
import { loadPhoneTools } from '../../../src/checkout/steps/phone/phone-tools';
import { type Locale, loadCatalog } from '../../../src/checkout/strings';
import { run, started, startResponse } from './fixtures';
import { renderStep, uncaughtErrors } from './render';

/** The button before the number: its name says "Country: <name> (<code>)". */
const countryButton = (name: RegExp = /^(Country|Land): /) => screen.getByRole('button', { name });
/** The country button's name once the names (a chunk fetched after first paint) are here. */
const expectCountry = (name: string) => waitFor(() => expect(countryButton()).toHaveAccessibleName(name));
const optionNames = () => within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.firstChild?.textContent);

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
    await expectCountry('Country: United Kingdom (+44)');
    await user.type(screen.getByLabelText('Phone number'), '07400123456');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+447400123456' });
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

/** The phone step in `locale` (its catalog loaded), with the host's tag `language`. */
async function phoneStepIn(locale: Locale, language: string, initialPhone?: string) {
  const strings = await loadCatalog(locale);
  return { strings, ...renderStep(PhoneStep, atPhone(), { language, initialPhone }, { locale, strings }) };
}

afterEach(() => vi.restoreAllMocks());

describe('the phone number field and its country button', () => {
  beforeAll(async () => {
    await loadPhoneTools();
  });

  it('given the step, then the number sits on one row after a button naming the country, and the field is a left-to-right tel field', async () => {
    await phoneStepIn('en', 'de-DE');
    const number = screen.getByLabelText('Phone number');
    await expectCountry('Country: Germany (+49)');
    const button = countryButton();
    expect(button).toHaveTextContent('DE+49');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button.parentElement).toBe(number.parentElement);
    expect(button.compareDocumentPosition(number) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(number).toHaveAttribute('dir', 'ltr');
    expect(number).toHaveAttribute('autocomplete', 'tel');
    expect(number).toHaveAttribute('inputmode', 'tel');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('when the button is pressed, then a labelled combobox takes focus and controls a listbox of every country, the chosen one selected', async () => {
    const { user } = await phoneStepIn('en', 'en-GB');
    await user.click(countryButton());
    const search = await screen.findByRole('combobox', { name: 'Search countries' });
    expect(search).toHaveFocus();
    expect(search).toHaveAttribute('aria-expanded', 'true');
    expect(search).toHaveAttribute('aria-autocomplete', 'list');
    const listbox = screen.getByRole('listbox', { name: 'Country' });
    expect(search).toHaveAttribute('aria-controls', listbox.id);
    expect(within(listbox).getAllByRole('option')).toHaveLength(245);
    expect(within(listbox).getByRole('option', { selected: true })).toHaveTextContent('United Kingdom+44');
    expect(search.getAttribute('aria-activedescendant')).toBe(within(listbox).getByRole('option', { selected: true }).id);
    expect(countryButton()).toHaveAttribute('aria-expanded', 'true');
  });

  it.each([
    ['its English name', 'germ', 'Germany'],
    ['its region code', 'de', 'Germany'],
    ['its calling code with +', '+49', 'Germany'],
    ['its calling code in digits', '49', 'Germany'],
    ['a name without its accents', 'cote', 'Côte d’Ivoire'],
  ])('when searching by %s, then the country is found first', async (_, query, found) => {
    const { user } = await phoneStepIn('en', 'en-US');
    await user.click(countryButton());
    await user.type(await screen.findByRole('combobox'), query);
    expect(optionNames()[0]).toBe(found);
    expect(optionNames().length).toBeLessThan(20);
  });

  it('given German, when searching by the German or the English name, then Deutschland is found', async () => {
    const { user } = await phoneStepIn('de', 'de-AT');
    await waitFor(() => expect(countryButton()).toHaveAccessibleName('Land: Österreich (+43)'));
    await user.click(countryButton());
    const search = await screen.findByRole('combobox', { name: 'Länder durchsuchen' });
    await user.type(search, 'deutsch');
    expect(optionNames()).toEqual(['Deutschland']);
    await user.clear(search);
    await user.type(search, 'germany');
    expect(optionNames()).toEqual(['Deutschland']);
    expect(screen.getByRole('status')).toHaveTextContent('1 Land');
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('Kein Land gefunden.')).toBeInTheDocument();
  });

  it('given German, then the list is named in German and sorted as German sorts (Ägypten among the A)', async () => {
    const { user } = await phoneStepIn('de', 'de-DE');
    await user.click(countryButton());
    await screen.findByRole('listbox');
    const names = optionNames() as string[];
    expect(names).toEqual([...names].sort(new Intl.Collator('de').compare));
    expect(names.indexOf('Ägypten')).toBeLessThan(names.indexOf('Albanien'));
    expect(names).toContain('Vereinigtes Königreich');
  });

  it('when the arrow keys move and Enter is pressed, then that country is picked, the list closes and the number field has focus', async () => {
    const { user } = await phoneStepIn('en', 'en-US');
    const number = screen.getByLabelText('Phone number');
    await user.type(number, '07400123456');
    await user.click(countryButton());
    const search = await screen.findByRole('combobox');
    await user.type(search, 'united');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(search).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(search).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(search).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveTextContent('United Kingdom');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await expectCountry('Country: United Kingdom (+44)');
    expect(number).toHaveFocus();
    expect(number).toHaveValue('07400 123456');
  });

  it('when Escape is pressed in the list, then only the list closes and focus returns to the country button', async () => {
    const { user, dispatch } = await phoneStepIn('en', 'en-US');
    const escapes = vi.fn();
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && escapes();
    document.addEventListener('keydown', onKeyDown);
    onTestFinished(() => document.removeEventListener('keydown', onKeyDown));
    await user.click(countryButton());
    await user.type(await screen.findByRole('combobox'), 'fra');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(countryButton()).toHaveFocus();
    await expectCountry('Country: United States (+1)');
    expect(escapes).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('when an option is clicked, then it is picked; when the page outside is pressed, then the list closes', async () => {
    const { user } = await phoneStepIn('en', 'en-US');
    await user.click(countryButton());
    await user.type(await screen.findByRole('combobox'), 'japan');
    await user.click(screen.getByRole('option', { name: /Japan/ }));
    await expectCountry('Country: Japan (+81)');
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
    await user.click(countryButton());
    await screen.findByRole('listbox');
    await user.click(screen.getByRole('heading'));
    expect(screen.queryByRole('listbox')).toBeNull();
    await expectCountry('Country: Japan (+81)');
  });

  it('when a number is typed with +44, then the country becomes the UK and it is sent as typed', async () => {
    const { user, dispatch } = await phoneStepIn('en', 'en-US');
    await user.type(screen.getByLabelText('Phone number'), '+44');
    await expectCountry('Country: United Kingdom (+44)');
    await user.type(screen.getByLabelText('Phone number'), '7400123456');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 7400 123456');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+447400123456' });
  });

  it('given Canada chosen, when +1 is typed, then Canada stays; a US number then makes it the US', async () => {
    const { user } = await phoneStepIn('en', 'en-CA');
    const number = screen.getByLabelText('Phone number');
    await user.type(number, '+1');
    await expectCountry('Country: Canada (+1)');
    await user.type(number, '2015550100');
    await expectCountry('Country: United States (+1)');
  });

  it('given the US chosen, when a Toronto number is typed with +1, then the country becomes Canada', async () => {
    const { user } = await phoneStepIn('en', 'en-US');
    await user.type(screen.getByLabelText('Phone number'), '+14165550100');
    await expectCountry('Country: Canada (+1)');
  });

  it('given a +49 number, when another country is picked, then the number takes that country’s calling code', async () => {
    const { user } = await phoneStepIn('en', 'en-US');
    const number = screen.getByLabelText('Phone number');
    await user.type(number, '+4915112345678');
    await expectCountry('Country: Germany (+49)');
    await user.click(countryButton());
    await user.type(await screen.findByRole('combobox'), 'austria{Enter}');
    await expectCountry('Country: Austria (+43)');
    expect((number as HTMLInputElement).value.replace(/[^\d+]/g, '')).toBe('+4315112345678');
  });
});

describe('a number given to start with (initialPhone)', () => {
  beforeAll(async () => {
    await loadPhoneTools();
  });

  it('given +4915112345678, then the field starts filled, formatted, with Germany chosen, and can be changed', async () => {
    const { user, dispatch } = await phoneStepIn('en', 'en-US', '+4915112345678');
    const number = screen.getByLabelText('Phone number');
    await expectCountry('Country: Germany (+49)');
    await waitFor(() => expect(number).toHaveValue('+49 1511 2345678'));
    await user.clear(number);
    await user.type(number, '+442071838750');
    await expectCountry('Country: United Kingdom (+44)');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+442071838750' });
  });

  it('given national digits, then they are read in the default country', async () => {
    const { user, dispatch } = await phoneStepIn('en', 'en-GB', '07400123456');
    await waitFor(() => expect(screen.getByLabelText('Phone number')).toHaveValue('07400 123456'));
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(dispatch).toHaveBeenCalledWith({ type: 'SUBMIT_PHONE', phone: '+447400123456' });
  });

  it('given it arrives after the first render and nothing was typed, then it fills the field', async () => {
    const { rerender } = await phoneStepIn('en', 'en-US');
    const number = screen.getByLabelText('Phone number');
    expect(number).toHaveValue('');
    rerender(atPhone(), { initialPhone: '+33612345678' });
    await waitFor(() => expect(number).toHaveValue('+33 6 12 34 56 78'));
    await expectCountry('Country: France (+33)');
  });

  it('given the customer has typed, when it arrives, then what they typed stays', async () => {
    const { user, rerender } = await phoneStepIn('en', 'en-US');
    const number = screen.getByLabelText('Phone number');
    await user.type(number, '2015550100');
    rerender(atPhone(), { initialPhone: '+33612345678' });
    await act(async () => {});
    expect(number).toHaveValue('(201) 555-0100');
    await expectCountry('Country: United States (+1)');
  });
});

/**
 * A stand-in for Intl.DisplayNames that makes a `Names`. A constructor that returns an object: the
 * spy calls it with `new` and itself as new.target, so a subclass instance would get the spy's
 * prototype and no `of`.
 */
function madeBy(Names: typeof Intl.DisplayNames): typeof Intl.DisplayNames {
  // biome-ignore lint/complexity/useArrowFunction: called with `new`
  return function (locale: Intl.LocalesArgument, options: Intl.DisplayNamesOptions) {
    return new Names(locale, options);
  } as unknown as typeof Intl.DisplayNames;
}

describe('country names after first paint', () => {
  it('given Dutch, then the first render makes no Intl.DisplayNames and lists no country; the Dutch names come after it', async () => {
    const strings = await loadCatalog('nl');
    const real = Intl.DisplayNames;
    const made = vi.spyOn(Intl, 'DisplayNames').mockImplementation(madeBy(real));
    renderStep(PhoneStep, atPhone(), { language: 'nl' }, { locale: 'nl', strings });
    expect(made).not.toHaveBeenCalled();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    // The first paint goes without names (their table is a chunk of its own): the region code.
    expect(countryButton()).toHaveAccessibleName('Land: NL (+31)');
    await waitFor(() => expect(countryButton()).toHaveAccessibleName('Land: Nederland (+31)'));
    expect(made).toHaveBeenCalledWith('nl', { type: 'region', fallback: 'none' });
  });

  it('given a name the engine lacks, then that country keeps its English name', async () => {
    const real = Intl.DisplayNames;
    vi.spyOn(Intl, 'DisplayNames').mockImplementation(
      madeBy(
        class extends real {
          override of(code: string): string | undefined {
            return code === 'XK' ? undefined : super.of(code);
          }
        },
      ),
    );
    const strings = await loadCatalog('it');
    const { user } = renderStep(PhoneStep, atPhone(), { language: 'it-IT' }, { locale: 'it', strings });
    await waitFor(() => expect(countryButton(/^Paese: /)).toHaveAccessibleName('Paese: Italia (+39)'));
    await user.click(countryButton(/^Paese: /));
    await screen.findByRole('listbox');
    expect(optionNames()).toContain('Kosovo');
    expect(optionNames()).toContain('Germania');
  });
});
