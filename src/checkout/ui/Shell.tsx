import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { useStrings } from '../strings';
import { STEP_TITLE_ID } from './StepTitle';

interface ShellProps {
  merchant: string | null;
  /** The app draws its own backdrop (overlay embeds). */
  backdrop: boolean;
  onClose(): void;
  /** A payment is in flight: close is not offered. */
  closeDisabled: boolean;
  sandbox: boolean;
  onResize?: (height: number) => void;
  children: ReactNode;
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** The modal itself: a labelled dialog with a close button; Escape closes, Tab stays inside. */
export function Shell({ merchant, backdrop, onClose, closeDisabled, sandbox, onResize, children }: ShellProps) {
  const strings = useStrings();
  const card = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // In the commit that draws the step, as its field takes focus (StepTitle's layout effect): a
  // passive effect runs after paint (Preact: a frame later), and a key pressed before it was lost.
  useLayoutEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCloseRef.current();
        return;
      }
      if (event.key === 'Tab' && card.current) trapTab(event, card.current);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const root = card.current;
    if (!root || !onResize || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => onResize(Math.ceil(root.getBoundingClientRect().height)));
    observer.observe(root);
    return () => observer.disconnect();
  }, [onResize]);

  return (
    <div className={backdrop ? 'lava-backdrop' : 'lava-inline'}>
      <div
        ref={card}
        className="lava-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={STEP_TITLE_ID}
        aria-label={merchant ? undefined : strings.loading}
      >
        <header className="lava-header">
          <span className="lava-merchant">{merchant ?? ''}</span>
          {sandbox && <span className="lava-badge">{strings.sandboxBadge}</span>}
          <button type="button" className="lava-close" aria-label={strings.close} onClick={onClose} disabled={closeDisabled}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="lava-body">{children}</div>
        <footer className="lava-footer">{strings.poweredBy}</footer>
      </div>
    </div>
  );
}

function trapTab(event: KeyboardEvent, root: HTMLElement): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
