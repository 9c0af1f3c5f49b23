import { afterEach, describe, expect, it } from 'vitest';
import { mount, open } from '../../../src/host/open';
import { checkoutIframes, FakeCheckoutFrame, flush, token } from './fake-checkout-frame';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.style.overflow = '';
});

describe('mount(): inline embed', () => {
  it('given a container, then the frame sits in it with no backdrop, no dialog, no scroll lock, and focus stays put', async () => {
    const container = document.createElement('div');
    const button = document.createElement('button');
    document.body.append(button, container);
    button.focus();
    const handle = mount(container, token());
    const [iframe] = checkoutIframes();
    expect(container.contains(iframe!)).toBe(true);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(document.documentElement.style.overflow).toBe('');
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    expect(app.initMessages[0]).toMatchObject({ embed: 'inline' });
    // Shown at once and interactive: not left inert as a warm overlay frame is.
    expect((iframe!.parentElement as HTMLElement).inert).toBe(false);
    expect((iframe!.parentElement as HTMLElement).style.opacity).toBe('1');
    expect((iframe!.parentElement as HTMLElement).style.pointerEvents).toBe('auto');
    expect(document.activeElement).toBe(button);
    handle.destroy();
    expect(container.children).toHaveLength(0);
    expect(await handle.result).toMatchObject({ status: 'cancel' });
  });

  it('given resize messages, then the frame height follows the latest one, applied at most once per 50 ms', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const handle = mount(container, token());
    const app = FakeCheckoutFrame.current();
    await app.connectAndReady();
    await app.send({ type: 'resize', height: 300 });
    await app.send({ type: 'resize', height: 420.4 });
    await wait(80);
    expect(app.iframe.style.height).toBe('420px');
    await app.send({ type: 'resize', height: 99_999 });
    await wait(80);
    expect(app.iframe.style.height).toBe('420px');
    handle.destroy();
  });

  it('given an overlay is open, then an inline mount still opens (only overlays are one at a time)', async () => {
    const overlay = open(token());
    const container = document.createElement('div');
    document.body.append(container);
    const inline = mount(container, token());
    expect(inline.status).toBe('loading');
    expect(checkoutIframes()).toHaveLength(2);
    inline.destroy();
    (overlay as typeof inline).destroy();
    await flush();
  });
});
