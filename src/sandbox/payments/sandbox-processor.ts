import { randomBytes } from 'node:crypto';
import { validateCard } from './cards';
import type { ChargeOutcome, ChargeRequest, PaymentProcessor, ReusableCard } from './processor';

type Behaviour = 'succeed' | 'decline' | 'insufficient_funds' | 'authenticate';

/** Stripe's test cards and what they do here. Any other valid number is declined: use a test card. */
export const TEST_CARDS: Readonly<Record<string, Behaviour>> = {
  '4242424242424242': 'succeed',
  '5555555555554444': 'succeed',
  '378282246310005': 'succeed',
  '4000000000000002': 'decline',
  '4000000000009995': 'insufficient_funds',
  '4000002500003155': 'authenticate',
};

const REF = /^card_sandbox_(succeed|decline|insufficient_funds|authenticate)_[0-9a-f]{16}$/;

function outcome(behaviour: Behaviour, card: ReusableCard, authenticated: boolean): ChargeOutcome {
  switch (behaviour) {
    case 'succeed':
      return { status: 'succeeded', chargeRef: `sbx_ch_${randomBytes(8).toString('hex')}`, card };
    case 'decline':
      return { status: 'failed', code: 'card_declined', message: 'Your card was declined.' };
    case 'insufficient_funds':
      return { status: 'failed', code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
    case 'authenticate':
      return authenticated
        ? { status: 'succeeded', chargeRef: `sbx_ch_${randomBytes(8).toString('hex')}`, card }
        : { status: 'requires_action', card };
  }
}

/**
 * The offline processor: no network, Stripe's test-card semantics. A saved card keeps its
 * number's behaviour in its reference (the number itself is never stored).
 */
export function createSandboxProcessor(now: () => number): PaymentProcessor {
  return {
    kind: 'sandbox',
    async charge(request: ChargeRequest): Promise<ChargeOutcome> {
      const { method } = request;
      if (method.kind === 'stripe') {
        return { status: 'failed', code: 'invalid_card', message: 'This sandbox is not configured for Stripe.' };
      }
      if (method.kind === 'saved') {
        const match = REF.exec(method.processorRef);
        if (!match) return { status: 'failed', code: 'invalid_card', message: 'This saved card cannot be used.' };
        return outcome(match[1] as Behaviour, { processorRef: method.processorRef, details: method.details }, request.authenticated);
      }
      const checked = validateCard(method.card, now());
      if (!checked.ok) return { status: 'failed', code: 'invalid_card', message: checked.message, field: checked.field };
      const behaviour = TEST_CARDS[checked.digits];
      if (!behaviour) {
        return {
          status: 'failed',
          code: 'card_declined',
          message: 'The sandbox only accepts test cards, such as 4242 4242 4242 4242.',
        };
      }
      const card: ReusableCard = {
        processorRef: `card_sandbox_${behaviour}_${randomBytes(8).toString('hex')}`,
        details: checked.details,
      };
      return outcome(behaviour, card, request.authenticated);
    },
  };
}
