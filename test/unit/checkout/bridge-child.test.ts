import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../src/contract';
import { connectMessage, helloMessage } from '../../../src/contract';
import { connectToHost } from '../../../src/checkout/bridge/child';
import { channel, closeChannels, frameWindow } from './fake-frame-window';

afterEach(closeChannels);

const init: HostMessage = { type: 'init', secret: 'sec_abcdefghijklmnop', attemptId: 'att_1', embed: 'overlay', appearance: { theme: 'dark' } };

function nextMessage(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => {
    port.onmessage = (event) => resolve(event.data);
  });
}

describe('child end of the bridge', () => {
  it('when loaded, then it says a secret-free hello to the ancestor origin when the browser tells it', () => {
    const { win, parent } = frameWindow('http://localhost:5173');
    connectToHost(win).dispose();
    expect(parent.postMessage).toHaveBeenCalledWith(helloMessage(), 'http://localhost:5173');
  });

  it('given no ancestorOrigins, then the hello (and only the hello) goes to any target', () => {
    const { win, parent } = frameWindow();
    connectToHost(win).dispose();
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    expect(parent.postMessage).toHaveBeenCalledWith(helloMessage(), '*');
  });

  it('given the connect reply from the parent with one port, then it learns the origin, gets init and talks on the port', async () => {
    const { win, parent, deliver } = frameWindow();
    const bridge = connectToHost(win);
    const ch = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [ch.port2], origin: 'http://localhost:5173' });
    ch.port1.postMessage(init);
    const handshake = await bridge.handshake;
    expect(handshake.parentOrigin).toBe('http://localhost:5173');
    expect(handshake.init).toEqual(init);
    const got = nextMessage(ch.port1);
    handshake.link.send({ type: 'ready', step: 'phone' });
    expect(await got).toEqual({ type: 'ready', step: 'phone' });
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    bridge.dispose();
  });

  it.each([
    ['another window', { source: {} as Window, data: connectMessage() }],
    ['a wrong shape', { data: { type: 'connect' } }],
    ['no port', { data: connectMessage(), ports: [] }],
    ['an opaque origin', { data: connectMessage(), origin: 'null' }],
  ])('given a connect from %s, then it is ignored', async (_name, event) => {
    const { win, parent, deliver } = frameWindow();
    const bridge = connectToHost(win);
    const ch = channel();
    deliver({ source: parent as unknown as Window, ports: [ch.port2], ...event } as Partial<MessageEvent>);
    ch.port1.postMessage(init);
    const settled = await Promise.race([bridge.handshake.then(() => 'connected'), new Promise((r) => setTimeout(() => r('ignored'), 50))]);
    expect(settled).toBe('ignored');
    bridge.dispose();
  });

  it('given two ports, then the connect is ignored', async () => {
    const { win, parent, deliver } = frameWindow();
    const bridge = connectToHost(win);
    const a = channel();
    const b = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [a.port2, b.port2] });
    a.port1.postMessage(init);
    const settled = await Promise.race([bridge.handshake.then(() => 'connected'), new Promise((r) => setTimeout(() => r('ignored'), 50))]);
    expect(settled).toBe('ignored');
    bridge.dispose();
  });

  it('given a connected port, then a later connect cannot replace it', async () => {
    const { win, parent, deliver, listeners } = frameWindow();
    const bridge = connectToHost(win);
    const first = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [first.port2] });
    expect(listeners.size).toBe(0);
    first.port1.postMessage(init);
    expect((await bridge.handshake).init).toEqual(init);
    bridge.dispose();
  });

  it('given a malformed init and then close_request, then the init is dropped and close is handed on', async () => {
    const { win, parent, deliver } = frameWindow();
    const bridge = connectToHost(win);
    const ch = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [ch.port2] });
    ch.port1.postMessage({ type: 'init', secret: 42 });
    ch.port1.postMessage(init);
    const { link } = await bridge.handshake;
    const closed = new Promise((resolve) => link.onCloseRequest(resolve));
    ch.port1.postMessage({ type: 'close_request' });
    expect(await closed).toEqual({ type: 'close_request' });
    bridge.dispose();
  });
});
