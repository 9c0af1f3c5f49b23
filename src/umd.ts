import { LavaCheckoutError } from './contract/errors';
import { bindButtons } from './host/declarative';
import { getResult } from './host/get-result';
import { mount, open } from './host/open';
import { preload } from './host/preload';

/** What the script-tag build puts on `window.LavaCheckout`. */
export interface LavaCheckoutGlobal {
  open: typeof open;
  mount: typeof mount;
  getResult: typeof getResult;
  preload: typeof preload;
  LavaCheckoutError: typeof LavaCheckoutError;
}

declare global {
  interface Window {
    LavaCheckout: LavaCheckoutGlobal;
  }
}

const api: LavaCheckoutGlobal = { open, mount, getResult, preload, LavaCheckoutError };

// Script-tag entry, no React. Built as a UMD, this object is also what AMD and CommonJS loaders
// get; on a page it is window.LavaCheckout whichever way it loaded, with the declarative buttons
// wired. Guarded so loading it on a server is harmless. Calls the loader snippet queued before
// this script loaded run now, in order; each queued call's promise resolves with what the real
// call returns.
if (typeof window !== 'undefined') {
  const queued = (window.LavaCheckout as { q?: Array<[keyof LavaCheckoutGlobal, unknown[], (value: unknown) => void]> } | undefined)?.q;
  window.LavaCheckout = api;
  bindButtons(document);
  for (const [name, args, resolve] of queued ?? []) resolve((api[name] as (...a: unknown[]) => unknown)(...args));
}

export default api;
