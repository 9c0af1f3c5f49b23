import type { CountryCode } from 'libphonenumber-js/min';
import { type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStrings } from '../../strings';
import type { CountryOption } from './countries';
import { filterCountries } from './country-search';

export interface CountryListProps {
  /** The id of the popup, for the country button's aria-controls. */
  id: string;
  countries: CountryOption[];
  selected: CountryCode;
  /** The button that opened it: the popup opens under its row (or over it, where there is more room); pressing it is not a press outside. */
  trigger: RefObject<HTMLElement | null>;
  onPick(code: CountryCode): void;
  /** Escape: focus goes back to the country button; outside: focus stays where the customer put it. */
  onClose(by: 'escape' | 'outside'): void;
}

/** Space kept between the popup and the row, and the frame's edges. */
const GAP = 4;
const EDGE = 8;
/** Below this much room under the row, the popup opens above it when there is more room there. */
const ROOM = 240;

interface Place {
  left: number;
  width: number;
  top?: number;
  bottom?: number;
  maxHeight: number;
}

/** The number field's row the country button sits in. */
function rowOf(button: HTMLElement): HTMLElement {
  return button.parentElement ?? button;
}

/** Fixed to the frame, so it is never cut off by the card's scrolling box nor makes it scroll. */
function placeUnder(anchor: HTMLElement): Place {
  const row = anchor.getBoundingClientRect();
  const height = window.innerHeight;
  const below = height - row.bottom - GAP - EDGE;
  const above = row.top - GAP - EDGE;
  const base = { left: row.left, width: row.width };
  return below < ROOM && above > below
    ? { ...base, bottom: height - row.top + GAP, maxHeight: above }
    : { ...base, top: row.bottom + GAP, maxHeight: below };
}

/**
 * The searchable country list the country button opens: a combobox (the search field) that
 * controls a listbox. Arrow keys move the active country, Enter picks it, Escape closes.
 */
export function CountryList({ id, countries, selected, trigger, onPick, onClose }: CountryListProps) {
  const strings = useStrings();
  const listId = useId();
  const searchId = useId();
  const popup = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterCountries(countries, query), [countries, query]);
  const [active, setActive] = useState(() => Math.max(0, countries.findIndex((c) => c.code === selected)));
  // Placed in the first render: hidden or unplaced, the search field could not take focus.
  const [place, setPlace] = useState<Place | null>(() => (trigger.current ? placeUnder(rowOf(trigger.current)) : null));
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const button = trigger.current;
    if (!button) return;
    const update = () => setPlace(placeUnder(rowOf(button)));
    update();
    search.current?.focus();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [trigger]);

  useEffect(() => {
    function onPointerDown(event: PointerEvent): void {
      const target = event.target as Node;
      if (popup.current?.contains(target) || trigger.current?.contains(target)) return;
      onCloseRef.current('outside');
    }
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [trigger]);

  // Keep the active country in view, scrolling the list only (never the card or the page); again
  // when a search changes the list under the same index.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` changes which element is active
  useLayoutEffect(() => {
    const box = list.current;
    const item = box?.children[active] as HTMLElement | undefined;
    if (!box || !item) return;
    if (item.offsetTop < box.scrollTop) box.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = item.offsetTop + item.offsetHeight - box.clientHeight;
  }, [active, shown]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const last = shown.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setActive((i) => Math.min(i + 1, last));
        break;
      case 'ArrowUp':
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'PageDown':
        setActive((i) => Math.min(i + 8, last));
        break;
      case 'PageUp':
        setActive((i) => Math.max(i - 8, 0));
        break;
      case 'Enter': {
        const option = shown[active];
        if (option) onPick(option.code);
        break;
      }
      case 'Escape':
        // Closes the list, not the checkout (the dialog listens for Escape on the document).
        event.stopPropagation();
        onClose('escape');
        break;
      case 'Tab':
        onClose('outside');
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  const activeOption = shown[active];
  const optionId = (code: string) => `${listId}-${code}`;
  return (
    <div
      id={id}
      ref={popup}
      className="lava-country-popup"
      style={place ? { left: place.left, width: place.width, top: place.top, bottom: place.bottom, maxHeight: place.maxHeight } : undefined}
    >
      <label htmlFor={searchId} className="lava-visually-hidden">
        {strings.phone.countrySearch}
      </label>
      <input
        ref={search}
        id={searchId}
        className="lava-country-search"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption.code) : undefined}
        placeholder={strings.phone.countrySearch}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="go"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div ref={list} id={listId} role="listbox" aria-label={strings.phone.country} className="lava-country-list">
        {shown.map((option, index) => (
          // Picked by pointer here; by keyboard through the combobox, which keeps focus and points
          // at the active option (aria-activedescendant), so options take no focus or keys.
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox owns the keyboard
          <div
            key={option.code}
            id={optionId(option.code)}
            role="option"
            aria-selected={option.code === selected}
            className={index === active ? 'lava-country-option lava-country-option--active' : 'lava-country-option'}
            onClick={() => onPick(option.code)}
            onPointerMove={() => index !== active && setActive(index)}
          >
            <span className="lava-country-name">{option.name}</span>
            <span className="lava-country-dial" dir="ltr">
              {option.dial}
            </span>
          </div>
        ))}
      </div>
      {shown.length === 0 && <p className="lava-country-none">{strings.phone.noCountries}</p>}
      <p className="lava-visually-hidden" role="status">
        {query.trim() && shown.length > 0 ? strings.phone.countryResults(shown.length) : ''}
      </p>
    </div>
  );
}
