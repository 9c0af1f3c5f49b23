// Benchmark merchant page on the built vanilla SDK. benchOpen() returns the open time
// (epoch ms, sub-millisecond) taken right before open() is called; a locale, when given, is the
// open option of that name.
import { open, preload } from '/dist/lib/vanilla.js';

const now = () => performance.timeOrigin + performance.now();

window.benchOpen = (token, locale) => {
  const options = locale ? { locale } : {};
  const t0 = now();
  const handle = open(token, options);
  window.benchHandle = handle;
  window.benchResult = handle.result;
  return t0;
};
window.benchPreload = (base) => preload(base);
window.benchReady = true;

// One open/close cycle: open, wait until the checkout is ready, close, wait for the outcome.
window.benchCycle = async (token) => {
  const handle = open(token);
  const ready = await handle.ready;
  handle.close();
  const result = await handle.result;
  return { ready, status: result.status };
};
