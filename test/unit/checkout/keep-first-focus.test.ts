import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepFirstFocus } from '../../../src/checkout/start/keep-first-focus';

/** Every keeper a test starts, stopped after it. */
const keepers: Array<() => void> = [];
function keep(): () => void {
  const stop = keepFirstFocus(document);
  keepers.push(stop);
  return stop;
}

describe('first focus kept', () => {
  // The checkout frame has focus (jsdom answers false otherwise).
  beforeEach(() => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  });
  afterEach(() => {
    for (const stop of keepers.splice(0)) stop();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('given the field lost focus with nothing else focused before the customer acted, then the field takes it back', async () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" /><button>other</button>';
    const input = screen.getByLabelText('Phone number');
    input.focus();
    keep();
    input.blur();
    await waitFor(() => expect(input).toHaveFocus());
  });

  it('given the focused field replaced by a re-render (no focusout), then the new field takes focus', async () => {
    document.body.innerHTML = '<form><input data-autofocus="true" aria-label="Phone number" type="tel" /></form>';
    screen.getByLabelText('Phone number').focus();
    keep();
    const form = document.querySelector('form')!;
    form.replaceChildren(Object.assign(document.createElement('input'), { type: 'tel', ariaLabel: 'Phone number' }));
    form.firstElementChild!.setAttribute('data-autofocus', 'true');
    await waitFor(() => expect(form.firstElementChild).toHaveFocus());
  });

  it('given the frame regains focus with nothing focused in it, then the field takes it', async () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" />';
    keep();
    expect(document.activeElement).toBe(document.body);
    window.dispatchEvent(new FocusEvent('focus'));
    await waitFor(() => expect(screen.getByLabelText('Phone number')).toHaveFocus());
  });

  it('given a frame with focus and nothing focused in it (WebKit), when the customer types a digit, then the field takes focus as the key goes down', () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" />';
    keep();
    expect(document.activeElement).toBe(document.body);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    expect(screen.getByLabelText('Phone number')).toHaveFocus();
  });

  it('given nothing focused, when the customer presses Escape or a shortcut, then focus is left where it is', () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" />';
    keep();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe(document.body);
    keep();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', ctrlKey: true, bubbles: true }));
    expect(document.activeElement).toBe(document.body);
  });

  it('given it was stopped, when the customer types a digit or the frame regains focus with nothing focused, then focus is left where it is', async () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" />';
    const stop = keepFirstFocus(document);
    stop();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    expect(document.activeElement).toBe(document.body);
    window.dispatchEvent(new FocusEvent('focus'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(document.body);
  });

  it('given the customer pressed a key, when focus is then lost, then it is left alone', async () => {
    document.body.innerHTML = '<input data-autofocus="true" aria-label="Phone number" type="tel" />';
    const input = screen.getByLabelText('Phone number');
    input.focus();
    keep();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    input.blur();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(document.body);
  });
});
