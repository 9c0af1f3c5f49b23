import { fromMinor, toMinor } from '../../contract/money';
import { bundleById, planById } from '../domain/catalog';
import type { MerchantRow } from '../domain/merchants';
import type { SessionRow } from '../domain/sessions';
import { ApiError, invalid } from '../http/errors';
import type { Db } from '../storage/db';

const PER = { day: 'day', week: 'week', month: 'month', year: 'year' } as const;

/** What this session charges: the customer's amount (onboarding, topup) or the server's price. */
export function priceOf(db: Db, session: SessionRow, merchant: MerchantRow, requested: unknown): { amount: number; description: string } {
  switch (session.mode) {
    case 'onboarding':
    case 'topup': {
      if (typeof requested !== 'string') throw invalid("'amount' is required, as a decimal string such as \"25.00\".");
      const amount = toMinor(requested);
      if (amount === null) throw invalid("'amount' must be a decimal string such as \"25.00\".");
      if (amount < merchant.amount_min || amount > merchant.amount_max) {
        throw new ApiError(
          'amount_out_of_range',
          `Choose an amount from $${fromMinor(merchant.amount_min)} to $${fromMinor(merchant.amount_max)}.`,
        );
      }
      return { amount, description: `Add $${fromMinor(amount)} to your Lava wallet` };
    }
    case 'subscription': {
      const plan = planById(db, session.merchant_id, session.subscription_config_id!)!;
      if (plan.period_amount <= 0) throw new ApiError('conflict', 'This plan is free: complete the checkout without a payment.');
      return { amount: plan.period_amount, description: `${plan.name}: $${fromMinor(plan.period_amount)} per ${PER[plan.billing_interval]}` };
    }
    case 'credit_bundle': {
      const bundle = bundleById(db, session.merchant_id, session.credit_bundle_id!)!;
      return { amount: bundle.cost, description: `${bundle.name}: $${fromMinor(bundle.credit_amount)} of credit` };
    }
  }
}
