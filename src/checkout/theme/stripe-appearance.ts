import type { Appearance as StripeAppearance } from '@stripe/stripe-js';
import type { Appearance } from '../../contract';

/** Stripe Elements follow the same appearance the host passed to the checkout. */
export function stripeAppearance(appearance: Appearance, prefersDark: boolean): StripeAppearance {
  const dark = appearance.theme === 'dark' || (appearance.theme !== 'light' && prefersDark);
  const variables: NonNullable<StripeAppearance['variables']> = {};
  if (appearance.accent) variables.colorPrimary = appearance.accent;
  if (appearance.radius !== undefined) variables.borderRadius = `${appearance.radius}px`;
  if (appearance.font) variables.fontFamily = appearance.font;
  return { theme: dark ? 'night' : 'stripe', variables };
}
