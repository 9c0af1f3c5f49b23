import { createStripeProcessor } from '../../../src/sandbox/payments/stripe-processor';
import { fakeStripeAccount } from './fake-stripe-account';
import { type Harness, type Loose, newKey, secretOf, startHarness } from './harness';

/**
 * The sandbox in Stripe mode against a fake Stripe account, and a customer's tabs driven as the
 * app drives them: verify, wallet, `/payment/intent`, Stripe.js `confirmPayment`, `/payment/confirm`.
 */
export async function startStripeWorld() {
  const account = fakeStripeAccount();
  const h = await startHarness({
    processor: createStripeProcessor(account.api, { publishableKey: 'pk_test_fake', webhookSecret: account.webhookSecret }),
  });
  const db = h.sandbox.db;

  /** A new tab on `session` for `phone`, verified by code and on its wallet (created or linked). */
  async function openTab(session: Loose, phone: string, names = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' }) {
    // Codes to one session are spaced (30 s), as a second tab's customer would find.
    h.clock.advance(31_000);
    const { token, verify } = await h.verify(secretOf(session), phone);
    const wallet = verify.wallet.exists ? await h.flow('POST', 'wallet/link', token, {}) : await h.flow('POST', 'wallet', token, names);
    if (wallet.status !== 200) throw new Error(`wallet: ${wallet.status} ${JSON.stringify(wallet.json)}`);
    return { token: token as string, connectionId: wallet.json.connection_id as string, alreadySubscribed: Boolean(wallet.json.already_subscribed) };
  }

  return {
    h,
    account,
    webhookUrl: `${h.sandbox.url}/stripe/webhook`,
    openTab,
    async createSession(body: Record<string, unknown> = {}) {
      return h.createSession(body);
    },
    intent(tab: { token: string }, amount?: string) {
      return h.flow('POST', 'payment/intent', tab.token, { idempotency_key: newKey(), ...(amount ? { amount } : {}) });
    },
    /** Stripe.js in the tab: confirms the PaymentIntent behind the client secret with a test card. */
    pay(clientSecret: string, card?: string) {
      return account.confirmPayment(clientSecret, card);
    },
    confirm(tab: { token: string }, intentId: string, paymentIntentId: string, saveCard = false) {
      return h.flow('POST', 'payment/confirm', tab.token, {
        intent_id: intentId,
        idempotency_key: newKey(),
        stripe_payment_intent_id: paymentIntentId,
        save_card: saveCard,
      });
    },
    /** Stripe delivers every `payment_intent.succeeded` it has for this PaymentIntent (again, if it did already). */
    async deliverSucceeded(paymentIntentId: string) {
      const out: Array<{ status: number; body: string }> = [];
      for (const event of account.eventsFor(paymentIntentId)) out.push(await account.deliver(`${h.sandbox.url}/stripe/webhook`, event));
      return out;
    },
    /** `checkout.completed` events the sandbox recorded for the session. */
    completedEvents(sessionId: string): number {
      return (
        db
          .prepare("SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'checkout.completed' AND json_extract(payload, '$.data.checkout_session_id') = ?")
          .get(sessionId) as { n: number }
      ).n;
    },
    /** Charges the sandbox recorded for the session. */
    recordedCharges(sessionId: string): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM charges WHERE session_id = ?').get(sessionId) as { n: number }).n;
    },
    async sessionStatus(sessionId: string): Promise<string> {
      return (await h.rest('GET', `checkout_sessions/${sessionId}`)).json.status;
    },
  };
}

export type StripeWorld = Awaited<ReturnType<typeof startStripeWorld>>;
export type { Harness };
