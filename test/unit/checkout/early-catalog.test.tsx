import { act, screen } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import { drawPhoneStepEarly } from '../../../src/checkout/start/draw-phone-step-early';
import type { AppMessage } from '../../../src/contract';
import { startResponse } from './fixtures';

const ENGLISH_TITLE = 'Enter your phone number';
const GERMAN_TITLE = 'Geben Sie Ihre Telefonnummer ein';
const ARABIC_TITLE_PART = 'رقم';

let root: Root | null = null;
const started: Array<{ dispose(): void }> = [];

afterEach(async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const checkout of started.splice(0)) checkout.dispose();
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  document.documentElement.dir = '';
  vi.unstubAllGlobals();
});

const title = () => screen.getByRole('heading').textContent;

const waitFor = async (check: () => unknown, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
};

/** A frame drawn before init in a browser whose languages are `languages`. */
function drawnEarly(languages: string[]) {
  vi.stubGlobal('navigator', { ...navigator, languages, language: languages[0] });
  vi.stubGlobal('fetch', vi.fn(async () => Response.json(startResponse())));
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  let early!: ReturnType<typeof drawPhoneStepEarly>;
  act(() => {
    early = drawPhoneStepEarly(root!);
  });
  const sent: Array<{ message: AppMessage; title: string | null }> = [];
  const link: HostLink = { send: (message) => sent.push({ message, title: title() }), onCloseRequest: () => {} };
  const open = (locale?: string) =>
    act(() => {
      started.push(early.start({ secret: 'sec_abcdefghijklmnop', parentOrigin: 'http://localhost:5173', link, embed: 'overlay', appearance: {}, backdrop: false, locale }));
    });
  return { sent, open };
}

describe('a frame drawn before init, in a browser that speaks another language', () => {
  it('given a German browser, then the hidden phone step is drawn again in German before init, and opening in German sends ready at once', async () => {
    const { sent, open } = drawnEarly(['de-DE', 'en']);
    expect(title()).toBe(ENGLISH_TITLE);
    await waitFor(() => title() === GERMAN_TITLE, 2_000);
    expect(title()).toBe(GERMAN_TITLE);
    expect(document.documentElement.lang).toBe('de');
    expect(sent).toEqual([]);
    open('de');
    // No catalog left to wait for: ready leaves in the same turn as init, over German.
    expect(sent[0]).toMatchObject({ message: { type: 'ready' }, title: GERMAN_TITLE });
  });

  it('given a German browser and init asking for Arabic, then the checkout is drawn in Arabic, right to left, not German', async () => {
    const { sent, open } = drawnEarly(['de-DE']);
    await waitFor(() => title() === GERMAN_TITLE, 2_000);
    open('ar');
    await waitFor(() => sent.some((entry) => entry.message.type === 'ready'), 2_000);
    expect(title()).toContain(ARABIC_TITLE_PART);
    expect(document.documentElement).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('given init before the browser language arrived, then the late catalog does not redraw over what init asked for', async () => {
    const { sent, open } = drawnEarly(['fr-FR']);
    open('en');
    expect(sent[0]).toMatchObject({ message: { type: 'ready' }, title: ENGLISH_TITLE });
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(title()).toBe(ENGLISH_TITLE);
    expect(document.documentElement.lang).toBe('en');
  });
});
