// The child side of the bridge contract, as a test double for the checkout app:
// hello -> (connect + port) -> init -> ready; buttons send what the real app would.
// Path flags: /navigate-to/<host:port>/embed/checkout leaves for another origin before saying hello.
const state = document.getElementById('state');
const away = /\/navigate-to\/([^/]+)\//.exec(location.pathname);
if (away) location.replace(`http://${away[1]}/attacker.html`);

let port = null;
let locked = false;
const send = (message) => port?.postMessage(message);
const success = { type: 'success', connectionId: 'conn_e2e', checkoutSessionId: 'cs_e2e' };

window.addEventListener('message', (event) => {
  if (port || event.source !== parent) return;
  const data = event.data;
  if (data?.protocol !== 'lava-checkout' || data.v !== 1 || data.type !== 'connect') return;
  if (event.ports.length !== 1) return;
  port = event.ports[0];
  state.textContent = `connected to ${event.origin}`;
  port.onmessage = ({ data: message }) => {
    if (message.type === 'init') {
      state.textContent = `init ${message.secret.length}-char secret, embed ${message.embed}`;
      send({ type: 'event', event: { type: 'step', step: 'phone' } });
      send({ type: 'ready', step: 'phone' });
    } else if (message.type === 'close_request') {
      send(locked ? { type: 'lock' } : { type: 'cancel', checkoutSessionId: 'cs_e2e' });
    }
  };
});
if (!away) parent.postMessage({ protocol: 'lava-checkout', v: 1, type: 'hello' }, '*');

const on = (id, fn) => document.getElementById(id).addEventListener('click', fn);
on('pay', () => send(success));
on('cancel', () => send({ type: 'cancel', checkoutSessionId: 'cs_e2e' }));
on('fail', () => send({ type: 'error', code: 'session_expired', message: 'This checkout expired', checkoutSessionId: 'cs_e2e' }));
on('pay-twice', () => {
  send(success);
  send({ ...success, connectionId: 'conn_second' });
});
on('junk', () => {
  send('success');
  send(null);
  send({ type: 'success' });
  send({ type: 'success', connectionId: 42, checkoutSessionId: 'cs_e2e' });
  send({ type: 'success', connectionId: 'x'.repeat(1_000_000), checkoutSessionId: 'cs_e2e' });
  send({ type: 'error', code: 'Not a code!', message: 'x' });
  send({ type: 'lava_checkout_success', connectionId: 'conn_legacy', checkoutSessionId: 'cs_e2e' });
  send({ type: 'event', event: { type: 'step', step: 'x'.repeat(5000) } });
  state.textContent = 'junk sent';
});
on('lock', () => {
  locked = true;
  send({ type: 'lock' });
});
on('unlock', () => {
  locked = false;
  send({ type: 'unlock' });
});
