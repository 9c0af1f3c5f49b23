import type { CountryCode } from 'libphonenumber-js/min';
import { type FormEvent, Suspense, useEffect, useId, useRef, useState } from 'react';
import { isBusy } from '../../flow/status';
import { useLocale, useStrings } from '../../strings';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { StepTitle } from '../../ui/StepTitle';
import { isTestMode } from '../test-mode';
import type { StepProps } from '../types';
import { type CountryOption, callingCodeOf, countryOfCallingCode, defaultCountry, dialOf } from './countries';
import { afterPaint, LazyCountryList, loadCountryNames, prefetchCountryList } from './load-country-list';
import { loadPhoneTools, type PhoneTools, usePhoneTools } from './phone-tools';
import type { PhoneCheck } from './validate-phone';

export interface PhoneStepProps extends StepProps<'phone'> {
  /** The tag the host asked for (its region picks the default country), else the browser's. */
  language?: string;
  /**
   * A number to start with (E.164 like "+4915112345678", or national digits). It may arrive after
   * the first render; it fills the field as long as the customer has not typed in it.
   */
  initialPhone?: string | undefined;
}

/** What is in the number field and the country it is read in: they change together. */
interface Entry {
  text: string;
  country: CountryCode;
}

/** The country a number typed with "+" points at: its digits when the tools can tell, else its calling code. */
function countryFollowing(text: string, current: CountryCode, tools: PhoneTools | null): CountryCode {
  return tools?.countryOfNumber(text) ?? countryOfCallingCode(text, current) ?? current;
}

/** `text` in the country it points at, formatted when the tools are here. */
function entryOf(text: string, current: CountryCode, tools: PhoneTools | null): Entry {
  const country = countryFollowing(text, current, tools);
  return { text: tools && text ? tools.formatAsYouType(text, country) : text, country };
}

/** Fetch the names (a chunk of their own) and hand over the countries named in `locale`. */
function nameCountries(locale: string, then: (list: CountryOption[]) => void): void {
  loadCountryNames().then(
    ({ localizedCountries }) => then(localizedCountries(locale)),
    () => {}, // the button keeps its region code; pressing it asks again
  );
}

export function PhoneStep({ state, dispatch, language, initialPhone }: PhoneStepProps) {
  const busy = isBusy(state);
  const strings = useStrings();
  const locale = useLocale();
  const tools = usePhoneTools();
  const [entry, setEntry] = useState<Entry>(() => entryOf(initialPhone ?? '', defaultCountry(language), tools));
  const { text: value, country } = entry;
  const [problem, setProblem] = useState<Exclude<PhoneCheck, { ok: true }>['reason'] | null>(null);
  const [open, setOpen] = useState(false);
  // Named in the customer's language once the step has been painted (see localizedCountries).
  const [named, setNamed] = useState<CountryOption[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const countryButton = useRef<HTMLButtonElement>(null);
  const typed = useRef(false);
  const popupId = useId();
  const session = state.session;

  useEffect(() => {
    let live = true;
    const cancel = afterPaint(() => {
      nameCountries(locale, (list) => live && setNamed(list));
      void prefetchCountryList().catch(() => {});
    });
    return () => {
      live = false;
      cancel();
    };
  }, [locale]);

  // Until the names are here (just after first paint) the country goes by its region code.
  const countryName = named?.find((o) => o.code === country)?.name ?? country;
  const dial = dialOf(country);

  // What was typed (or given) before the tools arrived gets its formatting and its country now.
  useEffect(() => {
    if (tools) setEntry((now) => (now.text ? entryOf(now.text, now.country, tools) : now));
  }, [tools]);

  // A number from the host fills the field, unless the customer has typed there already.
  const filled = useRef(initialPhone);
  // biome-ignore lint/correctness/useExhaustiveDependencies: when the number given changes
  useEffect(() => {
    if (!initialPhone || typed.current || filled.current === initialPhone) return;
    filled.current = initialPhone;
    setEntry((now) => entryOf(initialPhone, now.country, tools));
    setProblem(null);
  }, [initialPhone]);

  function onChange(next: string): void {
    typed.current = true;
    setProblem(null);
    setEntry((now) => {
      // Deleting must not be undone by reformatting (a backspace over ")" would come straight back).
      if (next.length < now.text.length) return { text: next, country: countryFollowing(next, now.country, tools) };
      return entryOf(next, now.country, tools);
    });
  }

  function openList(): void {
    // Pressed before the names were made after paint: make them now (the list opens with them).
    if (!named) nameCountries(locale, setNamed);
    setOpen(true);
  }

  function pick(code: CountryCode): void {
    setOpen(false);
    setProblem(null);
    setEntry(({ text: now }) => {
      if (!now) return { text: now, country: code };
      const from = callingCodeOf(now);
      const to = dialOf(code);
      // A number written with another country's calling code takes the picked country's.
      const text = from && from !== to ? `${to}${now.replace(/\D/g, '').slice(from.length - 1)}` : now.replace(/[^\d+]/g, '');
      return { text: tools ? tools.formatAsYouType(text, code) : text, country: code };
    });
    input.current?.focus();
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
    dispatch({ type: 'SUBMIT_PHONE', phone: value.trim().startsWith('+') ? `+${digits}` : `${dial || '+'}${digits.replace(/^0+/, '')}` });
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
          start={
            <button
              ref={countryButton}
              type="button"
              className="lava-country-button"
              aria-label={strings.phone.countryButton(countryName, dial)}
              aria-expanded={open}
              aria-controls={open ? popupId : undefined}
              onClick={() => (open ? setOpen(false) : openList())}
            >
              <span>{country}</span>
              <span dir="ltr">{dial}</span>
              <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                <path d="M2 4.5l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </button>
          }
        />
      {open && named && (
        <Suspense fallback={null}>
          <LazyCountryList
            id={popupId}
            countries={named}
            selected={country}
            trigger={countryButton}
            onPick={pick}
            onClose={(by) => {
              setOpen(false);
              if (by === 'escape') countryButton.current?.focus();
            }}
          />
        </Suspense>
      )}
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
