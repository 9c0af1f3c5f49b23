import type { CountryCode } from 'libphonenumber-js/min';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { StepTitle } from '../../ui/StepTitle';
import { isTestMode } from '../test-mode';
import type { StepProps } from '../types';
import { countryOptions, defaultCountry, filterCountries } from './countries';
import { loadPhoneTools, type PhoneTools, usePhoneTools } from './phone-tools';
import type { PhoneCheck } from './validate-phone';
import { isBusy } from '../../flow/status';

export function PhoneStep({ state, dispatch, language }: StepProps<'phone'> & { language?: string; initialPhone?: string | undefined }) {
  const busy = isBusy(state);
  const strings = useStrings();
  const options = countryOptions();
  const [country, setCountry] = useState<CountryCode>(() => defaultCountry(language));
  const [query, setQuery] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Exclude<PhoneCheck, { ok: true }>['reason'] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const tools = usePhoneTools();
  const session = state.session;
  // The first render lists only the chosen country; the other 244 follow once the step has been
  // painted (they were a third of the cost of the checkout's first render).
  const [allListed, setAllListed] = useState(false);
  useEffect(() => setAllListed(true), []);
  const visible = useMemo(() => {
    if (!allListed && !query) return options.filter((o) => o.code === country);
    const found = filterCountries(options, query);
    // Keep the selected country listed so the select never shows a value it lacks.
    return found.some((o) => o.code === country) ? found : [...options.filter((o) => o.code === country), ...found];
  }, [options, query, country, allListed]);
  // The same elements on every render: re-rendering the step (each keystroke, each state change)
  // does not walk the 245 options again.
  const optionList = useMemo(
    () =>
      visible.map((o) => (
        <option key={o.code} value={o.code}>
          {`${o.name} (${o.dial})`}
        </option>
      )),
    [visible],
  );
  const countryName = options.find((o) => o.code === country)?.name ?? country;

  // What was typed before the tools arrived gets its formatting now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the tools arrive
  useEffect(() => {
    if (tools) setValue((v) => (v ? tools.formatAsYouType(v, country) : v));
  }, [tools]);

  function onChange(next: string): void {
    setProblem(null);
    // Deleting must not be undone by reformatting (a backspace over ")" would come straight back).
    setValue(next.length < value.length || !tools ? next : tools.formatAsYouType(next, country));
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (tools) submitWith(tools);
    // Without them (their file did not load) the server still checks the number.
    else loadPhoneTools().then(submitWith, () => submitUnchecked());
  }

  function submitUnchecked(): void {
    const digits = value.replace(/\D/g, '');
    if (!digits) {
      setProblem('required');
      return;
    }
    const dial = options.find((o) => o.code === country)?.dial ?? '+';
    dispatch({ type: 'SUBMIT_PHONE', phone: value.trim().startsWith('+') ? `+${digits}` : `${dial}${digits.replace(/^0+/, '')}` });
  }

  function submitWith({ checkPhone }: PhoneTools): void {
    const check = checkPhone(value, country);
    if (!check.ok) {
      setProblem(check.reason);
      input.current?.focus();
      return;
    }
    dispatch({ type: 'SUBMIT_PHONE', phone: check.e164 });
  }

  const message =
    problem === 'required'
      ? strings.phone.required
      : problem === 'too_short'
        ? strings.phone.tooShort
        : problem === 'too_long'
          ? strings.phone.tooLong
          : problem === 'invalid_for_country'
            ? strings.phone.invalidForCountry(countryName)
            : null;
  const owner = session?.connection;

  return (
    <form className="lava-step" onSubmit={onSubmit} noValidate>
      <StepTitle>{strings.phone.title}</StepTitle>
      <p className="lava-lead">{owner ? strings.phone.ownerLead(owner.phone_masked) : strings.phone.lead(session?.merchant.name ?? '')}</p>
      <div className="lava-country">
        <Field
          label={strings.phone.countrySearch}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="lava-field">
          <label htmlFor="lava-country">{strings.phone.country}</label>
          <select
            id="lava-country"
            value={country}
            onChange={(e) => {
              const next = e.target.value as CountryCode;
              setCountry(next);
              setProblem(null);
              setValue((v) => (v && tools ? tools.formatAsYouType(v.replace(/[^\d+]/g, ''), next) : v));
            }}
          >
            {optionList}
          </select>
        </div>
      </div>
      <Field
        ref={input}
        label={strings.phone.number}
        type="tel"
        inputMode="tel"
        dir="ltr"
        autoComplete="tel"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={message}
        first
      />
      {state.error?.code === 'forbidden' ? (
        <div className="lava-alert" role="alert">
          {strings.phone.notOwner}
        </div>
      ) : (
        <ErrorMessage error={state.error} />
      )}
      <Button type="submit" busy={busy} busyLabel={strings.phone.sending}>
        {strings.phone.submit}
      </Button>
      {isTestMode(session) && (
        <p className="lava-sandbox-hint">
          <strong>{strings.sandboxBadge}:</strong> {strings.phone.sandboxHint}
        </p>
      )}
    </form>
  );
}
