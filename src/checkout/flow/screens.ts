import type { Step } from '../../contract';
import type { Screen } from './types';

const STEP_OF: Record<Screen, Step> = {
  loading: 'loading',
  phone: 'phone',
  code: 'code',
  wallet_create: 'wallet',
  wallet_link: 'wallet',
  amount: 'amount',
  plan: 'plan',
  bundle: 'bundle',
  already_subscribed: 'plan',
  payment: 'payment',
  challenge: 'payment',
  done: 'done',
  failure: 'error',
};

/** The step the host hears about for a screen. */
export function stepOf(screen: Screen): Step {
  return STEP_OF[screen];
}
