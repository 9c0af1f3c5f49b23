import type { Prefill } from '../../contract';
import { DoneStep } from './end/DoneStep';
import { ChallengeStep } from './payment/ChallengeStep';
import { PaymentStep } from './payment/PaymentStep';
import type { ProcessorView } from './payment/processor';
import { SandboxCardForm } from './payment/SandboxCardForm';
import { AlreadySubscribedStep } from './purchase/AlreadySubscribedStep';
import { AmountStep } from './purchase/AmountStep';
import { BundleStep } from './purchase/BundleStep';
import { PlanStep } from './purchase/PlanStep';
import type { StepProps } from './types';
import { WalletCreateStep } from './wallet/WalletCreateStep';
import { WalletLinkStep } from './wallet/WalletLinkStep';

/** The screens after the code, in their own chunk (prefetched during the code step) so the first load stays small. */
export function LaterScreen({
  state,
  dispatch,
  processor = SandboxCardForm,
  prefill,
}: StepProps & { processor?: ProcessorView | undefined; prefill?: Prefill | undefined }) {
  switch (state.screen) {
    case 'wallet_create':
      return <WalletCreateStep state={state} dispatch={dispatch} prefill={prefill} />;
    case 'wallet_link':
      return <WalletLinkStep state={state} dispatch={dispatch} />;
    case 'amount':
      return <AmountStep state={state} dispatch={dispatch} />;
    case 'plan':
      return <PlanStep state={state} dispatch={dispatch} />;
    case 'bundle':
      return <BundleStep state={state} dispatch={dispatch} />;
    case 'already_subscribed':
      return <AlreadySubscribedStep state={state} dispatch={dispatch} />;
    case 'payment':
      return <PaymentStep state={state} dispatch={dispatch} Processor={processor} />;
    case 'challenge':
      return <ChallengeStep state={state} dispatch={dispatch} />;
    case 'done':
      return <DoneStep state={state} dispatch={dispatch} />;
    default:
      return null;
  }
}
