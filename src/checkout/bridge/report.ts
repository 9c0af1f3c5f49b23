import type { FlowObserver } from '../flow/controller';
import type { Locale } from '../strings/locales';
import type { HostLink } from './host-link';

export interface ReportOptions extends Partial<Pick<FlowObserver, 'session'>> {
  /** The locale the checkout shows as the ready event goes out, told to the merchant with it. */
  locale?: () => Locale;
}

/** Turn what the flow reports into messages for the host. */
export function reportTo(link: HostLink, extra: ReportOptions = {}): FlowObserver {
  return {
    // The ready message tells the host to show the frame; the ready event (for the merchant's
    // onEvent) names the step start placed the session at, later when the phone step is up first.
    firstScreenDrawn: (step) => link.send({ type: 'ready', step }),
    sessionStartedAt: (step) => link.send({ type: 'event', event: extra.locale ? { type: 'ready', step, locale: extra.locale() } : { type: 'ready', step } }),
    event: (event) => link.send({ type: 'event', event }),
    lock: () => link.send({ type: 'lock' }),
    unlock: () => link.send({ type: 'unlock' }),
    session: (session) => extra.session?.(session),
    outcome(outcome) {
      switch (outcome.kind) {
        case 'success':
          link.send({ type: 'success', connectionId: outcome.connectionId, checkoutSessionId: outcome.checkoutSessionId });
          return;
        case 'cancel':
          link.send(outcome.checkoutSessionId ? { type: 'cancel', checkoutSessionId: outcome.checkoutSessionId } : { type: 'cancel' });
          return;
        case 'error': {
          const message = { type: 'error' as const, code: outcome.code, message: `Checkout ended: ${outcome.code}` };
          link.send(outcome.checkoutSessionId ? { ...message, checkoutSessionId: outcome.checkoutSessionId } : message);
          return;
        }
      }
    },
  };
}
