import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepTitle } from '../../../src/checkout/ui/StepTitle';
import { Shell } from '../../../src/checkout/ui/Shell';

afterEach(() => vi.unstubAllGlobals());

/** Presses Escape in its layout effect: in the same commit, before any passive effect runs. */
function EscapeOnCommit() {
  useLayoutEffect(() => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }, []);
  return null;
}

function renderShell(props: Partial<Parameters<typeof Shell>[0]> = {}) {
  const onClose = vi.fn();
  const view = render(
    <Shell merchant="Acme AI" backdrop={false} onClose={onClose} closeDisabled={false} sandbox {...props}>
      <StepTitle>Step title</StepTitle>
      <button type="button">First</button>
      <button type="button">Last</button>
    </Shell>,
  );
  return { ...view, onClose, user: userEvent.setup() };
}

describe('dialog shell', () => {
  it('given a step, then the dialog is labelled by its heading and shows the merchant and the sandbox badge', () => {
    renderShell();
    expect(screen.getByRole('dialog', { name: 'Step title' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByText('Acme AI')).toBeInTheDocument();
    expect(screen.getByText('Sandbox')).toBeInTheDocument();
  });

  it('when Escape is pressed in the commit that focuses the step, then the dialog closes', () => {
    // The step's field takes focus in a layout effect; a key can come right after, before paint.
    // A sibling drawn after the shell runs its layout effect after the shell's.
    const onClose = vi.fn();
    render(
      <>
        <Shell merchant="Acme AI" backdrop={false} onClose={onClose} closeDisabled={false} sandbox={false}>
          <StepTitle>Step title</StepTitle>
        </Shell>
        <EscapeOnCommit />
      </>,
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('given a payment in flight, then the close button is disabled', () => {
    renderShell({ closeDisabled: true });
    expect(screen.getByRole('button', { name: 'Close checkout' })).toBeDisabled();
  });

  it('when Tab leaves the last control, then focus wraps to the first (the close button)', async () => {
    const { user } = renderShell();
    screen.getByRole('button', { name: 'Last' }).focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close checkout' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Last' })).toHaveFocus();
  });

  it('given an inline embed, when the card changes size, then the new height is reported', () => {
    let notify: () => void = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const onResize = vi.fn();
    renderShell({ onResize });
    const card = screen.getByRole('dialog');
    card.getBoundingClientRect = () => ({ height: 480.4 }) as DOMRect;
    notify();
    expect(onResize).toHaveBeenCalledWith(481);
  });

  it('given the legacy embed, then the app draws its own backdrop', () => {
    const { container } = renderShell({ backdrop: true });
    expect(container.firstElementChild).toHaveClass('lava-backdrop');
  });
});
