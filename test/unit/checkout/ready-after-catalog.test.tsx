import { act, screen } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import { drawPhoneStepEarly } from '../../../src/checkout/start/draw-phone-step-early';
import { CATALOG_WAIT_MS } from '../../../src/checkout/start/start-checkout';
import type { AppMessage } from '../../../src/contract';
import { startResponse } from './fixtures';

// Each locale's chunk arrives when its test says: German late, French never (a failed fetch),
// Italian not within the wait. A locale's catalog is kept once loaded, so each test has its own.
const chunks = vi.hoisted(() => {
  let arrive!: () => void;
  return { german: new Promise<void>((resolve) => (arrive = resolve)), arriveGerman: () => arrive() };
});
vi.mock('../../../src/checkout/strings/de', async (importOriginal) => {
  await chunks.german;
  return importOriginal();
});
vi.mock('../../../src/checkout/strings/fr', () => {
  throw new Error('the chunk did not load');
});
vi.mock('../../../src/checkout/strings/it', () => new Promise(() => {}));

const ENGLISH_TITLE = 'Enter your phone number';
const GERMAN_TITLE = 'Geben Sie Ihre Telefonnummer ein';

let root: Root | null = null;
const started: Array<{ dispose(): void }> = [];

afterEach(async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const checkout of started.splice(0)) checkout.dispose();
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const title = () => screen.getByRole('heading').textContent;

/**
 * A preloaded frame: the phone step drawn early in English, then init comes with `locale`. Start
 * answers at once, or when the test calls `answerStart` (`startAnswers: 'later'`).
 */
function preloadedThenOpened(locale: string, { startAnswers = 'at once' }: { startAnswers?: 'at once' | 'later' } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  if (startAnswers === 'at once') answer();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      await answered;
      return Response.json(startResponse());
    }),
  );
  // What went to the host, with the title on screen as each message left.
  const sent: Array<{ message: AppMessage; title: string | null; at: number }> = [];
  const link: HostLink = { send: (message) => sent.push({ message, title: title(), at: Date.now() }), onCloseRequest: () => {} };
  let early!: ReturnType<typeof drawPhoneStepEarly>;
  act(() => {
    early = drawPhoneStepEarly(root!);
  });
  expect(title()).toBe(ENGLISH_TITLE);
  const openedAt = Date.now();
  act(() => {
    started.push(early.start({ secret: 'sec_abcdefghijklmnop', parentOrigin: 'http://localhost:5173', link, embed: 'overlay', appearance: {}, backdrop: false, locale }));
  });
  const ready = () => sent.find((entry) => entry.message.type === 'ready');
  return { sent, ready, openedAt, answerStart: () => act(async () => answer()) };
}

/** The ready event (the merchant's onEvent), which names the language on screen. */
const readyEvent = (sent: Array<{ message: AppMessage }>) =>
  sent.flatMap(({ message }) => (message.type === 'event' && message.event.type === 'ready' ? [message.event] : []))[0];

const waitFor = async (check: () => unknown, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
};

describe('a preloaded frame opened in another language', { timeout: 30_000 }, () => {
  it('given English, then ready goes out at once', () => {
    const { ready } = preloadedThenOpened('en-US');
    expect(ready()).toMatchObject({ title: ENGLISH_TITLE });
  });

  it('given a German catalog that comes late, then nothing goes to the host until it is drawn, and ready goes out over the German phone step', async () => {
    const { sent, ready } = preloadedThenOpened('de');
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(sent).toEqual([]);
    expect(title()).toBe(ENGLISH_TITLE);
    await act(async () => chunks.arriveGerman());
    await waitFor(ready, 1_000);
    expect(ready()).toMatchObject({ message: { type: 'ready', step: 'phone' }, title: GERMAN_TITLE });
    expect(sent[0]?.message.type).toBe('ready');
    expect(title()).toBe(GERMAN_TITLE);
    expect(document.documentElement.lang).toBe('de');
    await waitFor(() => readyEvent(sent), 1_000);
    expect(readyEvent(sent)).toEqual({ type: 'ready', step: 'phone', locale: 'de' });
  });

  it('given a catalog that fails to load, then ready goes out over English without waiting', async () => {
    const { sent, ready, openedAt } = preloadedThenOpened('fr');
    await waitFor(ready, 1_000);
    expect(ready()).toMatchObject({ title: ENGLISH_TITLE });
    expect(ready()!.at - openedAt).toBeLessThan(CATALOG_WAIT_MS);
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => readyEvent(sent), 1_000);
    expect(readyEvent(sent)).toEqual({ type: 'ready', step: 'phone', locale: 'en' });
  });

  it('given a catalog that fails to load before start answers, then the ready event that follows names English, the language on screen', async () => {
    const { sent, ready, answerStart } = preloadedThenOpened('fr', { startAnswers: 'later' });
    await waitFor(ready, 1_000);
    expect(ready()).toMatchObject({ title: ENGLISH_TITLE });
    expect(readyEvent(sent)).toBeUndefined();
    await answerStart();
    await waitFor(() => readyEvent(sent), 1_000);
    expect(readyEvent(sent)).toEqual({ type: 'ready', step: 'phone', locale: 'en' });
  });

  it('given a catalog that does not come, then after the wait ready goes out over English, long before the host gives up', async () => {
    const { sent, ready, openedAt } = preloadedThenOpened('it');
    await act(() => new Promise((resolve) => setTimeout(resolve, CATALOG_WAIT_MS - 300)));
    expect(ready()).toBeUndefined();
    await waitFor(ready, 1_500);
    expect(ready()).toMatchObject({ title: ENGLISH_TITLE });
    expect(ready()!.at - openedAt).toBeGreaterThanOrEqual(CATALOG_WAIT_MS - 50);
    expect(ready()!.at - openedAt).toBeLessThan(15_000);
    await waitFor(() => readyEvent(sent), 1_000);
    expect(readyEvent(sent)).toEqual({ type: 'ready', step: 'phone', locale: 'en' });
  });
});
