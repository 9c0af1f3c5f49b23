import { MODE_LABELS, type Mode } from './api';

const MODES: Mode[] = ['onboarding', 'subscription', 'topup', 'credit_bundle'];

/** One button per checkout mode; top-up and credit bundles need an existing connection. */
export function ModeButtons({ connectionId, busy, onOpen }: { connectionId: string | null; busy: boolean; onOpen: (mode: Mode) => void }) {
  return (
    <div className="modes">
      {MODES.map((mode) => {
        const needsConnection = mode === 'topup' || mode === 'credit_bundle';
        return (
          <button key={mode} type="button" data-mode={mode} disabled={busy || (needsConnection && !connectionId)} onClick={() => onOpen(mode)}>
            {MODE_LABELS[mode]}
          </button>
        );
      })}
      {!connectionId && <p className="hint">Top-up and credit bundles use the connection from a first checkout.</p>}
    </div>
  );
}
