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
export function LaterScreen({ state, dispatch, processor = SandboxCardForm }: StepProps & { processor?: ProcessorView | undefined }) {
  const props = { state, dispatch };
  switch (state.screen) {
    case 'wallet_create':
      return <WalletCreateStep {...props} />;
    case 'wallet_link':
      return <WalletLinkStep {...props} />;
    case 'amount':
      return <AmountStep {...props} />;
    case 'plan':
      return <PlanStep {...props} />;
    case 'bundle':
      return <BundleStep {...props} />;
    case 'already_subscribed':
      return <AlreadySubscribedStep {...props} />;
    case 'payment':
      return <PaymentStep {...props} Processor={processor} />;
    case 'challenge':
      return <ChallengeStep {...props} />;
    case 'done':
      return <DoneStep {...props} />;
    default:
      return null;
  }
}
