import type { AmountRules, CreditBundleSummary, FlowProgress, PlanSummary } from '../../contract/flow-api';
import { fromMinor } from '../../contract/money';
import type { BundleRow, PlanRow } from '../domain/catalog';
import type { MerchantRow } from '../domain/merchants';
import type { SessionRow } from '../domain/sessions';
import { walletByPhone } from '../domain/wallets';
import { maskPhone } from '../otp/phone';
import type { Db } from '../storage/db';
import type { CredentialRow } from './credentials';

export function planSummary(plan: PlanRow): PlanSummary {
  return {
    subscription_config_id: plan.id,
    name: plan.name,
    period_amount: fromMinor(plan.period_amount),
    billing_interval: plan.billing_interval,
    included_credit: fromMinor(plan.included_credit),
    rollover_type: plan.rollover_type,
    bundle_rollover_type: plan.bundle_rollover_type,
  };
}

export function bundleSummary(bundle: BundleRow): CreditBundleSummary {
  return {
    credit_bundle_id: bundle.id,
    name: bundle.name,
    cost: fromMinor(bundle.cost),
    credit_amount: fromMinor(bundle.credit_amount),
  };
}

export function amountRules(merchant: MerchantRow): AmountRules {
  return {
    currency: 'USD',
    min: fromMinor(merchant.amount_min),
    max: fromMinor(merchant.amount_max),
    presets: (JSON.parse(merchant.amount_presets) as number[]).map(fromMinor),
  };
}

const STEP_AFTER_WALLET = { onboarding: 'amount', topup: 'amount', subscription: 'plan', credit_bundle: 'bundle' } as const;

/** Where this credential stands in its session (the server keeps it, so a reopened checkout resumes). */
export function progressOf(db: Db, session: SessionRow, credential: CredentialRow, now: number): FlowProgress {
  if (session.completed_at !== null) {
    return {
      step: 'done',
      verified: credential.verified_phone !== null,
      ...(session.completed_connection_id ? { connection_id: session.completed_connection_id } : {}),
    };
  }
  if (!credential.verified_phone) {
    const pending = db
      .prepare(
        'SELECT phone FROM otp_codes WHERE token_hash = ? AND consumed_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1',
      )
      .get(credential.token_hash, now) as { phone: string } | undefined;
    return pending
      ? { step: 'code', verified: false, phone_masked: maskPhone(pending.phone) }
      : { step: 'phone', verified: false };
  }
  const phoneMasked = maskPhone(credential.verified_phone);
  if (!credential.connection_id) {
    return {
      step: 'wallet',
      verified: true,
      phone_masked: phoneMasked,
      wallet_exists: walletByPhone(db, credential.verified_phone) !== undefined,
    };
  }
  return {
    step: STEP_AFTER_WALLET[session.mode],
    verified: true,
    phone_masked: phoneMasked,
    wallet_exists: true,
    connection_id: credential.connection_id,
  };
}
