import type { ComponentType } from 'react';
import type { StepProps } from '../types';

/**
 * The one payment-step contract. An implementation collects a new card and reports through
 * the flow: `PAY` with its input when the server should confirm, or `PAY_STARTED` and then
 * `PAY` / `PAY_CLIENT_FAILED` when it confirms on the client first (Stripe).
 * The step around it shows the total, saved cards and errors.
 */
export interface ProcessorProps extends StepProps<'payment'> {
  /** Words on the pay button ("Pay $25.00"). */
  payLabel: string;
  /** Offer "save this card for autopay". */
  offerSave: boolean;
}

export type ProcessorView = ComponentType<ProcessorProps>;
