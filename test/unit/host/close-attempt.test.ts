import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../../../src/host/open';
import type { CheckoutHandle, OpenOptions } from '../../../src/host/types';
import { FakeCheckoutFrame, token } from './fake-checkout-frame';

const handles: CheckoutHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) (handle as CheckoutHandle & { destroy(): void }).destroy();
  vi.restoreAllMocks();
});

async function openReady(options: OpenOptions) {
  const handle = open(token(), options);
  handles.push(handle);
  const app = FakeCheckoutFrame.current();
  await app.connectAndReady();
  return { handle, app };
}

const closeRequests = (app: FakeCheckoutFrame) => app.received.filter((m) => m.type === 'close_request').length;

describe('onCloseAttempt: the customer pressed close or Escape', () => {
  it('tells the app the host confirms closes', async () => {
    const { app } = await openReady({});
    expect(app.initMessages[0]).toMatchObject({ type: 'init', confirmClose: true });
  });

  it('given no onCloseAttempt, when the app reports close_attempt, then the host asks the app to close', async () => {
    const onEvent = vi.fn();
    const { app } = await openReady({ onEvent });
    await app.send({ type: 'event', event: { type: 'close_attempt' } });
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'close_attempt' }));
    expect(closeRequests(app)).toBe(1);
  });

  it('given onCloseAttempt returns false, then the checkout stays open and the app is not asked to close', async () => {
    const onCloseAttempt = vi.fn(() => false);
    const onCancel = vi.fn();
    const { app, handle } = await openReady({ onCloseAttempt, onCancel });
    await app.send({ type: 'event', event: { type: 'close_attempt' } });
    expect(onCloseAttempt).toHaveBeenCalledTimes(1);
    expect(closeRequests(app)).toBe(0);
    expect(handle.status).toBe('ready');
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('given onCloseAttempt returns nothing, then the close goes ahead and the app ends with cancel', async () => {
    const onCancel = vi.fn();
    const { app, handle } = await openReady({ onCloseAttempt: () => undefined, onCancel });
    await app.send({ type: 'event', event: { type: 'close_attempt' } });
    expect(closeRequests(app)).toBe(1);
    await app.send({ type: 'cancel', checkoutSessionId: 'cs_1' });
    expect(onCancel).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'cancel', checkoutSessionId: 'cs_1' }));
    await expect(handle.result).resolves.toMatchObject({ status: 'cancel' });
  });

  it('given a payment in flight (lock), then the merchant is not asked and nothing closes', async () => {
    const onCloseAttempt = vi.fn(() => true);
    const { app, handle } = await openReady({ onCloseAttempt });
    await app.send({ type: 'lock' });
    await app.send({ type: 'event', event: { type: 'close_attempt' } });
    expect(onCloseAttempt).not.toHaveBeenCalled();
    expect(closeRequests(app)).toBe(0);
    await app.send({ type: 'unlock' });
    expect(closeRequests(app)).toBe(0);
    expect(handle.status).toBe('ready');
  });

  it('reads the latest handler when the attempt happens', async () => {
    const options: OpenOptions = { onCloseAttempt: () => false };
    const handle = open(token(), { get onCloseAttempt() { return options.onCloseAttempt; } });
    handles.push(handle);
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    options.onCloseAttempt = () => true;
    await app.send({ type: 'event', event: { type: 'close_attempt' } });
    expect(closeRequests(app)).toBe(1);
  });
});
