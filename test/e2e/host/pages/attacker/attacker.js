// A hostile frame (third origin, lookalike port, or sandboxed null origin): it forges the
// checkout's messages to its parent and records anything that comes back.
const received = [];
window.addEventListener('message', (event) => {
  received.push({ origin: event.origin, data: event.data, ports: event.ports.length });
  document.getElementById('received').textContent = JSON.stringify(received);
  for (const port of event.ports) {
    port.onmessage = (e) => {
      received.push({ onPort: e.data });
      document.getElementById('received').textContent = JSON.stringify(received);
    };
  }
});
const forged = [
  { protocol: 'lava-checkout', v: 1, type: 'hello' },
  { type: 'success', connectionId: 'conn_forged', checkoutSessionId: 'cs_forged' },
  { type: 'error', code: 'internal', message: 'forged' },
  { type: 'lava_checkout_success', connectionId: 'conn_forged', checkoutSessionId: 'cs_forged' },
];
function fire() {
  for (const message of forged) {
    parent.postMessage(message, '*');
    top.postMessage(message, '*');
  }
}
fire();
setTimeout(fire, 100);
setTimeout(() => {
  fire();
  document.body.dataset.done = 'true';
}, 300);
