// The script-tag page's own code: plain JavaScript, no build step.
(() => {
  const STORAGE_KEY = 'lava-playground-connection';
  const $ = (selector) => document.querySelector(selector);
  const status = $('[data-testid="callback"]');

  async function getJson(url, init) {
    const response = await fetch(url, init);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    return body;
  }

  async function showResult({ connectionId, checkoutSessionId }) {
    localStorage.setItem(STORAGE_KEY, connectionId);
    status.textContent = 'onSuccess';
    $('.result').hidden = false;
    $('[data-testid="webhook-status"]').textContent = 'waiting for checkout.completed…';
    $('[data-testid="connection-id"]').textContent = connectionId;
    $('[data-testid="checkout-session-id"]').textContent = checkoutSessionId;
    updateButtons();
    for (let poll = 0; poll < 60; poll++) {
      const { data } = await getJson('/api/webhooks/received');
      const hook = data.find((w) => w.type === 'checkout.completed' && w.checkout_session_id === checkoutSessionId);
      if (hook) {
        $('[data-testid="webhook-status"]').textContent = `backend verified checkout.completed ${hook.id} for ${hook.checkout_session_id}`;
        break;
      }
      await new Promise((done) => setTimeout(done, 500));
    }
    const { connection, subscription } = await getJson(`/api/connections/${encodeURIComponent(connectionId)}`);
    $('[data-testid="wallet-balance"]').textContent = `$${connection.wallet ? connection.wallet.balance : '?'}`;
    $('[data-testid="subscription"]').textContent = subscription
      ? `${subscription.plan.name} (${subscription.status}), credits $${subscription.credits.total_remaining}`
      : 'none';
  }

  const callbacks = {
    onSuccess: showResult,
    onCancel: () => {
      status.textContent = 'onCancel: checkout closed';
    },
    onError: ({ code, message }) => {
      status.textContent = `onError ${code}: ${message}`;
    },
  };

  // Declarative buttons report through DOM events on the element.
  const declarative = $('[data-lava-checkout-endpoint]');
  declarative.addEventListener('lava:success', (event) => showResult(event.detail));
  declarative.addEventListener('lava:cancel', () => callbacks.onCancel());
  declarative.addEventListener('lava:error', (event) => callbacks.onError(event.detail));

  for (const mode of ['subscription', 'topup', 'credit_bundle']) {
    document.getElementById(mode).addEventListener('click', async () => {
      status.textContent = '';
      try {
        const { checkout_session_token } = await getJson(`/api/checkout/${mode}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ connectionId: localStorage.getItem(STORAGE_KEY), userId: 'playground_user' }),
        });
        window.LavaCheckout.open(checkout_session_token, callbacks);
      } catch (error) {
        status.textContent = `Could not create a checkout session: ${error.message}`;
      }
    });
  }

  function updateButtons() {
    const connected = Boolean(localStorage.getItem(STORAGE_KEY));
    $('#topup').disabled = !connected;
    $('#credit_bundle').disabled = !connected;
  }
  updateButtons();
})();
