import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { isBusy } from '../../flow/status';

/** Consent: the customer sees whose wallet and which merchant before linking. */
export function WalletLinkStep({ state, dispatch }: StepProps<'wallet_link'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const merchant = state.session.merchant.name;
  const preview = state.wallet?.exists ? state.wallet.preview : null;
  return (
    <div className="lava-step">
      <StepTitle>{strings.wallet.linkTitle(merchant)}</StepTitle>
      <p className="lava-lead">{strings.wallet.linkLead(merchant)}</p>
      {preview && (
        <dl className="lava-summary" aria-label={strings.wallet.linkDetails}>
          <div>
            <dt>{strings.wallet.firstName}</dt>
            <dd>{`${preview.first_name_initial}. ${preview.last_name_initial}.`}</dd>
          </div>
          <div>
            <dt>{strings.wallet.email}</dt>
            <dd>{preview.email_masked}</dd>
          </div>
          <div>
            <dt>{strings.phone.number}</dt>
            <dd>{preview.phone_masked}</dd>
          </div>
        </dl>
      )}
      <ErrorMessage error={state.error} />
      <Button busy={busy} busyLabel={strings.wallet.linking} onClick={() => dispatch({ type: 'LINK_WALLET' })}>
        {strings.wallet.link}
      </Button>
    </div>
  );
}
