import { type FormEvent, useRef, useState } from 'react';
import type { Prefill } from '../../../contract';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { StepTitle } from '../../ui/StepTitle';
import type { StepProps } from '../types';
import { checkWallet, type WalletField, type WalletProblems } from './validate-wallet';
import { isBusy } from '../../flow/status';

/** `prefill`: the merchant's name and email for the customer, shown to check and change. */
export function WalletCreateStep({ state, dispatch, prefill }: StepProps<'wallet_create'> & { prefill?: Prefill | undefined }) {
  const busy = isBusy(state);
  const strings = useStrings();
  const [values, setValues] = useState(() => ({
    first_name: prefill?.firstName ?? '',
    last_name: prefill?.lastName ?? '',
    email: prefill?.email ?? '',
  }));
  const [problems, setProblems] = useState<WalletProblems>({});
  const refs = {
    first_name: useRef<HTMLInputElement>(null),
    last_name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };

  function set(field: WalletField, value: string): void {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    const check = checkWallet(values);
    if (!check.ok) {
      setProblems(check.problems);
      const first = (['first_name', 'last_name', 'email'] as const).find((f) => check.problems[f]);
      if (first) refs[first].current?.focus();
      return;
    }
    dispatch({ type: 'CREATE_WALLET', details: check.details });
  }

  return (
    <form className="lava-step" onSubmit={onSubmit} noValidate>
      <StepTitle>{strings.wallet.createTitle}</StepTitle>
      <p className="lava-lead">{strings.wallet.createLead}</p>
      <div className="lava-row lava-row--fields">
        <Field
          ref={refs.first_name}
          label={strings.wallet.firstName}
          autoComplete="given-name"
          value={values.first_name}
          onChange={(e) => set('first_name', e.target.value)}
          error={problems.first_name ? strings.wallet.firstNameRequired : null}
          maxLength={100}
          first
        />
        <Field
          ref={refs.last_name}
          label={strings.wallet.lastName}
          autoComplete="family-name"
          value={values.last_name}
          onChange={(e) => set('last_name', e.target.value)}
          error={problems.last_name ? strings.wallet.lastNameRequired : null}
          maxLength={100}
        />
      </div>
      <Field
        ref={refs.email}
        label={strings.wallet.email}
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={(e) => set('email', e.target.value)}
        error={problems.email ? strings.wallet.emailInvalid : null}
        maxLength={254}
      />
      <ErrorMessage error={state.error} />
      <Button type="submit" busy={busy} busyLabel={strings.wallet.creating}>
        {strings.wallet.create}
      </Button>
    </form>
  );
}
