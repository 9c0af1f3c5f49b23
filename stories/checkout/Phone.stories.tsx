import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fakeFlowApi } from './harness/fake-api';
import { TEST_PHONE } from './harness/fixtures';
import { shows } from './harness/shows';
import { CheckoutPreview } from './harness/CheckoutPreview';
import { at, busy, withError } from './harness/states';
import { dark, phone, phoneDark } from './harness/variants';

const meta = {
  title: 'Checkout/1 Phone',
  component: CheckoutPreview,
  args: { state: at('phone') },
} satisfies Meta<typeof CheckoutPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    const number = await canvas.findByLabelText('Phone number');
    await waitFor(() => expect(number).toHaveFocus());
    await shows(canvas.getByRole('dialog', { name: 'Enter your phone number' }));
  },
};
export const EmptyDark: Story = { globals: dark };
/** At 360x640 the whole step fits: the card does not scroll, up and down or sideways. */
export const EmptyPhone: Story = {
  globals: phone,
  play: async ({ canvas }) => {
    await shows(canvas.findByRole('dialog', { name: 'Enter your phone number' }));
    fitsWithoutScrolling(canvas.getByRole('dialog'));
  },
};
export const EmptyPhoneDark: Story = { ...EmptyPhone, globals: phoneDark };

/** The card scrolls neither way, and the page never scrolls sideways. */
function fitsWithoutScrolling(card: HTMLElement): void {
  expect(card.scrollHeight).toBeLessThanOrEqual(card.clientHeight);
  expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth);
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
}

/** The country list open, searched by calling code; the active country moved with the arrow keys. */
export const CountryListOpen: Story = {
  name: 'Country list: open, searched',
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Country: United States (+1)' }));
    const search = await canvas.findByRole('combobox', { name: 'Search countries' });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.type(search, '+4');
    await userEvent.keyboard('{ArrowDown}');
    const options = within(canvas.getByRole('listbox', { name: 'Country' })).getAllByRole('option');
    await expect(search).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await expect(options.every((option) => option.textContent?.includes('+4'))).toBe(true);
  },
};

/**
 * At 360x640 the open list fits inside the frame: the list scrolls, the card and the page do not,
 * and nothing scrolls sideways. Then a pick closes it and the number field has focus.
 */
export const CountryListOpenPhone: Story = {
  name: 'Country list: open at 360x640',
  globals: phone,
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: 'Country: United States (+1)' });
    await userEvent.click(button);
    const listbox = await canvas.findByRole('listbox', { name: 'Country' });
    const popup = listbox.parentElement!;
    await waitFor(() => expect(popup).toBeVisible());
    const box = popup.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    expect(listbox.scrollHeight).toBeGreaterThan(listbox.clientHeight);
    fitsWithoutScrolling(canvas.getByRole('dialog'));
  },
};

/** The open list in Arabic, right to left: the button at the inline start, the codes left to right. */
export const CountryListOpenArabic: Story = {
  name: 'Country list: open, Arabic',
  globals: { locale: 'ar' },
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: /^البلد: / });
    const number = await canvas.findByLabelText('رقم الهاتف');
    await waitFor(() => expect(button.getBoundingClientRect().left).toBeGreaterThan(number.getBoundingClientRect().left));
    await userEvent.click(button);
    const search = await canvas.findByRole('combobox', { name: 'البحث عن بلد' });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.type(search, 'مصر');
    await expect(search).toHaveValue('مصر');
    await waitFor(() => expect(within(canvas.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('مصر+20'));
  },
};

/** Escape closes the list only, and focus returns to the country button. */
export const CountryListEscape: Story = {
  name: 'Country list: Escape',
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: 'Country: United States (+1)' });
    await userEvent.click(button);
    await userEvent.type(await canvas.findByRole('combobox'), 'ger{Escape}');
    await expect(canvas.queryByRole('listbox')).toBeNull();
    await expect(button).toHaveFocus();
    await expect(canvas.getByRole('dialog')).toBeInTheDocument();
  },
};

/** A number typed with +44 makes the country the UK. */
export const CallingCodeTyped: Story = {
  name: 'Filled: +44 picks the UK',
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Phone number'), '+447400123456');
    await waitFor(() => expect(canvas.getByLabelText('Phone number')).toHaveValue('+44 7400 123456'));
    await expect(await canvas.findByRole('button', { name: 'Country: United Kingdom (+44)' })).toBeInTheDocument();
  },
};

export const Filled: Story = {
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Phone number'), TEST_PHONE);
    await expect(canvas.getByLabelText('Phone number')).toHaveValue('(201) 555-0100');
  },
};

export const Validating: Story = {
  name: 'Validating: number too short',
  play: async ({ canvas }) => {
    const number = await canvas.findByLabelText('Phone number');
    await userEvent.type(number, '201555');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(number).toHaveAccessibleDescription('This number is too short.');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveFocus();
  },
};

export const ValidatingEmpty: Story = {
  name: 'Validating: empty',
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Send code' }));
    await expect(canvas.getByLabelText('Phone number')).toHaveAccessibleDescription('Enter your phone number.');
  },
};

export const Busy: Story = {
  args: { state: busy(at('phone'), { kind: 'send_code', phone: '+12015550100' }) },
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: 'Sending code…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

export const InvalidPhone: Story = { name: 'Server error: invalid_phone', args: { state: withError(at('phone'), { code: 'invalid_phone' }) } };
export const RateLimited: Story = {
  name: 'Server error: rate_limited',
  args: { state: withError(at('phone'), { code: 'rate_limited', retryAfter: 30 }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  },
};
export const NetworkError: Story = { name: 'Server error: network', args: { state: withError(at('phone'), { code: 'network' }) } };
export const InternalError: Story = { name: 'Server error: internal', args: { state: withError(at('phone'), { code: 'internal' }) } };
export const InvalidRequest: Story = { name: 'Server error: invalid_request', args: { state: withError(at('phone'), { code: 'invalid_request' }) } };
export const NotTheOwner: Story = {
  name: 'Top-up owner: forbidden (another number)',
  args: { state: withError(at('phone', 'topup'), { code: 'forbidden' }) },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Use the phone number of the account this checkout is for.');
  },
};
export const ServerErrorDark: Story = { ...RateLimited, name: 'Server error: rate_limited (dark)', globals: dark };

/** The server refuses the number, the customer fixes it and the code goes out. */
export const ErrorThenRetry: Story = {
  name: 'Error, then retry',
  args: { api: fakeFlowApi({ script: { sendCode: [{ fail: 'network' }] } }), state: at('phone') },
  play: async ({ canvas, args }) => {
    await userEvent.type(await canvas.findByLabelText('Phone number'), TEST_PHONE);
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach Lava.');
    expect(args.api?.calls.filter((c) => c.method === 'sendCode')).toHaveLength(1);
  },
};

export const Loading: Story = {
  name: 'Loading (start in flight)',
  args: { state: undefined, api: fakeFlowApi({ script: { start: 'hang' } }) },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole('status');
    await shows(status);
  },
};
