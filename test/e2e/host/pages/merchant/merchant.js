// A merchant page using the built vanilla entry. Everything the SDK reports lands in window.log.
import { open, preload } from '/dist/lib/vanilla.js';

window.log = [];
document.getElementById('tall').style.height = '3000px';
document.addEventListener('securitypolicyviolation', (event) => {
  window.log.push(['csp', event.violatedDirective]);
});

window.openCheckout = (token, options = {}) => {
  const handle = open(token, {
    ...options,
    onSuccess: (detail) => window.log.push(['success', detail]),
    onCancel: (detail) => window.log.push(['cancel', detail]),
    onError: (detail) => window.log.push(['error', detail]),
    onEvent: (event) => window.log.push(['event', event]),
  });
  handle.ready.then((ready) => window.log.push(['ready', ready]));
  handle.result.then((result) => window.log.push(['result', result]));
  window.handle = handle;
};
window.preloadCheckout = (base) => preload(base);

document.getElementById('subscribe').addEventListener('click', () => window.openCheckout(window.nextToken));
