import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { retryableLazy } from '../../../src/checkout/steps/retryable-lazy';

const Loading = () => <p>loading</p>;
const Failed = ({ onRetry }: { onRetry(): void }) => (
  <button type="button" onClick={onRetry}>
    Try again
  </button>
);

function Greeting({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

/** What is on screen around the lazy part keeps its state across a failure and a retry. */
function Around({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setCount(count + 1)}>
        counted {count}
      </button>
      {children}
    </>
  );
}

/** A part with a bug: it throws as it draws. */
function Broken(): never {
  throw new Error('a bug in the part');
}

class Outer extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ? <p>outer caught {this.state.error}</p> : this.props.children;
  }
}

describe('a part loaded from its own chunk', () => {
  it('given its chunk fails to load, then Failed is shown, and Try again loads it anew with what is around it kept', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue(Greeting);
    const Part = retryableLazy<{ name: string }>(load, { Loading, Failed });
    const user = userEvent.setup();
    render(
      <Around>
        <Part name="Ada" />
      </Around>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'counted 0' }));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('button', { name: 'counted 1' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
    await user.click(retry);
    expect(await screen.findByText('hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'counted 1' })).toBeInTheDocument();
  });

  it('given it fails again, then Failed stays, and a later try still loads it', async () => {
    const offline = () => Promise.reject(new TypeError('offline'));
    const load = vi.fn().mockImplementationOnce(offline).mockImplementationOnce(offline).mockResolvedValue(Greeting);
    const Part = retryableLazy<{ name: string }>(load, { Loading, Failed });
    const user = userEvent.setup();
    render(<Part name="Bo" />);
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('hello Bo')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('given the loaded part throws as it draws, then that is not a load failure: it goes up, with no Try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Part = retryableLazy(() => Promise.resolve(Broken), { Loading, Failed });
    render(
      <Outer>
        <Part />
      </Outer>,
    );
    expect(await screen.findByText('outer caught a bug in the part')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
