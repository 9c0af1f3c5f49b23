import { type FormEvent, useEffect, useState } from 'react';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { StepTitle } from '../../ui/StepTitle';
import { isTestMode } from '../test-mode';
import type { StepProps } from '../types';
import { useCooldown } from './use-cooldown';
import { useWebOtp } from './web-otp';
import { isBusy } from '../../flow/status';

const LENGTH = 6;

export function CodeStep({ state, dispatch }: StepProps<'code'>) {
  const busy = isBusy(state);
  const strings = useStrings();
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const left = useCooldown(state.resendAfter, state.codeSends);
  const error = state.error;

  // A refused code is cleared so the next one can be typed straight away.
  useEffect(() => {
    if (error) setCode('');
  }, [error]);

  function accept(raw: string): void {
    const digits = raw.replace(/\D/g, '').slice(0, LENGTH);
    setCode(digits);
    setIncomplete(false);
    if (digits.length === LENGTH && !busy) dispatch({ type: 'SUBMIT_CODE', code: digits });
  }

  useWebOtp(accept, state.codeSends);

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (code.length !== LENGTH) {
      setIncomplete(true);
      return;
    }
    dispatch({ type: 'SUBMIT_CODE', code });
  }

  return (
    <form className="lava-step" onSubmit={onSubmit} noValidate>
      <StepTitle>{strings.code.title}</StepTitle>
      <p className="lava-lead">{strings.code.lead(state.phoneMasked)}</p>
      <Field
        label={strings.code.label}
        className="lava-code"
        value={code}
        onChange={(e) => accept(e.target.value)}
        autoComplete="one-time-code"
        inputMode="numeric"
        dir="ltr"
        pattern="[0-9]*"
        maxLength={LENGTH + 4}
        error={incomplete ? strings.code.incomplete : null}
        readOnly={busy}
        first
      />
      <ErrorMessage error={error} />
      <Button type="submit" busy={busy} busyLabel={strings.code.verifying}>
        {strings.code.submit}
      </Button>
      <div className="lava-row">
        {state.phone && (
          <Button variant="link" disabled={left > 0 || busy} onClick={() => dispatch({ type: 'RESEND_CODE' })}>
            {strings.code.resend}
          </Button>
        )}
        <Button variant="link" disabled={busy} onClick={() => dispatch({ type: 'CHANGE_NUMBER' })}>
          {strings.code.changeNumber}
        </Button>
      </div>
      {state.phone && left > 0 && <p className="lava-hint">{strings.code.resendIn(left)}</p>}
      {isTestMode(state.session) && (
        <p className="lava-sandbox-hint">
          <strong>{strings.sandboxBadge}:</strong> {strings.code.sandboxHint}
        </p>
      )}
    </form>
  );
}
