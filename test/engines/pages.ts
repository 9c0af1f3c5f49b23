/**
 * The merchant's pages for the engine flows (served on localhost; the checkout is on 127.0.0.1).
 * `/` loads the built script-tag SDK and keeps every callback, event and awaited result in
 * `window.__log`; its "Subscribe" button opens the checkout for `window.__token`, so focus has a
 * place on the page to come back to. `/legacy.html` embeds the checkout as the 0.1.3 hook does.
 */
export { LEGACY_PAGE } from '../e2e/flow/merchant';
export { ATTACKER_PAGE } from '../e2e/attacks/support';

export const MERCHANT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Merchant</title></head>
<body>
<h1>Merchant page</h1>
<button id="subscribe" type="button">Subscribe</button>
<div id="inline" style="width: 420px"></div>
<script src="/dist/lava-checkout.iife.js"></script>
<script src="/merchant.js"></script>
</body></html>`;

export const MERCHANT_SCRIPT = `
window.__log = [];
const callbacks = {
  onSuccess: (r) => window.__log.push({ kind: 'success', payload: r }),
  onCancel: (r) => window.__log.push({ kind: 'cancel', payload: r }),
  onError: (e) => window.__log.push({ kind: 'error', payload: { code: e.code, checkoutSessionId: e.checkoutSessionId } }),
  onEvent: (e) => window.__log.push({ kind: 'event', payload: e }),
};
const keep = (handle) => {
  handle.result.then((r) => { window.__awaited = r; });
};
window.openCheckout = (token, options) => keep(window.LavaCheckout.open(token, { ...options, ...callbacks }));
window.mountCheckout = (token) => keep(window.LavaCheckout.mount(document.getElementById('inline'), token, callbacks));
window.preloadCheckout = (base) => window.LavaCheckout.preload(base);
document.getElementById('subscribe').addEventListener('click', () => window.openCheckout(window.__token));
`;
