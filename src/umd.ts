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

// Script-tag entry: no React, no module loader. Guarded so importing it on a server is harmless.
if (typeof window !== 'undefined') {
  window.LavaCheckout = { open, mount, getResult, preload, LavaCheckoutError };
  bindButtons(document);
}
