import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToHost, type EarlyHello } from '../../../src/checkout/bridge/child';
import { connectMessage, type HostMessage, helloMessage } from '../../../src/contract';
import { channel, closeChannels, delivered, frameWindow } from './fake-frame-window';

// The inline script of the checkout page, run as the page runs it (with `window` as its argument).
const page = readFileSync(join(__dirname, '../../../src/checkout/index.html'), 'utf8');
const inline = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
const runInlineScript = (win: Window) => new Function('window', inline)(win);
const earlyOf = (win: Window) => (win as Window & { __lavaEarlyHello?: EarlyHello }).__lavaEarlyHello;

afterEach(closeChannels);

const init: HostMessage = { type: 'init', secret: 'sec_abcdefghijklmnop', attemptId: 'att_1', embed: 'overlay', appearance: {} };

describe("the checkout page's early hello", () => {
  it('given the modern URL, then it says the contract hello to the ancestor origin before the app loads', () => {
    const { win, parent } = frameWindow('http://localhost:5173');
    runInlineScript(win);
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    expect(parent.postMessage).toHaveBeenCalledWith(helloMessage(), 'http://localhost:5173');
    expect(earlyOf(win)?.events).toEqual([]);
  });

  it('given the legacy URL with a secret, or no parent, then it says nothing and keeps nothing', () => {
    const legacy = frameWindow('http://localhost:5173', '/embed/checkout/sec_abcdefghijklmnop');
    runInlineScript(legacy.win);
    expect(legacy.parent.postMessage).not.toHaveBeenCalled();
    expect(earlyOf(legacy.win)).toBeUndefined();
    const top = frameWindow();
    (top.win as unknown as { parent: unknown }).parent = top.win;
    runInlineScript(top.win);
    expect(earlyOf(top.win)).toBeUndefined();
  });

  it('keeps only messages from the parent window carrying one port, at most four, and what comes on their ports', async () => {
    const { win, parent, deliver } = frameWindow('http://localhost:5173');
    runInlineScript(win);
    const source = parent as unknown as Window;
    deliver({ source: {} as Window, data: connectMessage(), ports: [channel().port2] });
    deliver({ source, data: connectMessage(), ports: [] });
    const kept = channel();
    deliver({ source, data: connectMessage(), ports: [kept.port2] });
    kept.port1.postMessage(init);
    for (let i = 0; i < 5; i++) deliver({ source, data: connectMessage(), ports: [channel().port2] });
    await delivered(kept.port2);
    const early = earlyOf(win)!;
    expect(early.events).toHaveLength(4);
    expect(early.events[0]!.ports[0]).toBe(kept.port2);
    expect(early.messages[0]!.map((m) => m.data)).toEqual([init]);
  });
});

describe('connectToHost after the early hello', () => {
  it('given the host answered before the app loaded, then the handshake is complete at once and no second hello goes out', async () => {
    const { win, parent, deliver, listeners } = frameWindow('http://localhost:5173');
    runInlineScript(win);
    const ch = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [ch.port2] });
    ch.port1.postMessage(init);
    await delivered(ch.port2);
    const bridge = connectToHost(win);
    expect(bridge.settled).toMatchObject({ parentOrigin: 'http://localhost:5173', init });
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    expect(earlyOf(win)).toBeUndefined();
    const reply = new Promise((resolve) => {
      ch.port1.onmessage = (event) => resolve(event.data);
    });
    bridge.settled!.link.send({ type: 'ready', step: 'phone' });
    expect(await reply).toEqual({ type: 'ready', step: 'phone' });
    bridge.dispose();
  });

  it('given a kept answer that fails the checks (opaque origin), then it is refused and the next, good one is taken', async () => {
    const { win, parent, deliver } = frameWindow('http://localhost:5173');
    runInlineScript(win);
    const source = parent as unknown as Window;
    const forged = channel();
    deliver({ source, data: connectMessage(), ports: [forged.port2], origin: 'null' });
    forged.port1.postMessage({ ...init, secret: 'sec_forgedforgedforged' });
    const real = channel();
    deliver({ source, data: { type: 'connect' }, ports: [channel().port2] });
    deliver({ source, data: connectMessage(), ports: [real.port2] });
    real.port1.postMessage(init);
    await Promise.all([delivered(forged.port2), delivered(real.port2)]);
    const bridge = connectToHost(win);
    expect(bridge.settled?.init).toEqual(init);
    bridge.dispose();
  });

  it('given only the connect arrived before the app loaded, then the init that follows on the port completes the handshake', async () => {
    const { win, parent, deliver } = frameWindow('http://localhost:5173');
    runInlineScript(win);
    const ch = channel();
    deliver({ source: parent as unknown as Window, data: connectMessage(), ports: [ch.port2] });
    const bridge = connectToHost(win);
    expect(bridge.settled).toBeNull();
    ch.port1.postMessage(init);
    expect((await bridge.handshake).init).toEqual(init);
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    bridge.dispose();
  });
});
