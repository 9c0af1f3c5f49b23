// This page's answers for the fake checkout app. A path with /navigate-to/<host:port>/ leaves for
// that origin before saying hello (a frame the host framed, taken over by another origin).
const away = /\/navigate-to\/([^/]+)\//.exec(location.pathname);
if (away) {
  location.replace(`http://${away[1]}/attacker.html`);
} else {
  window.LavaFakeCheckoutPage.run({
    checkoutSessionId: 'cs_e2e',
    connectionId: 'conn_e2e',
    error: { status: 'error', code: 'session_expired', message: 'This checkout expired' },
    events: [{ type: 'step', step: 'phone' }],
  });
}
