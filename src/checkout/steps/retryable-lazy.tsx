import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/** A chunk that did not load (a dropped connection, a server error), told apart from a bug in it. */
class ChunkLoadError extends Error {}

/**
 * `load` once, shared by every caller (a prefetch and the part itself), until it fails: the next
 * call then loads again, so a prefetch that failed does not fail the part's own load.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

export interface RetryableLazyViews {
  /** Shown while the chunk loads. */
  Loading: ComponentType;
  /** Shown when it did not load: says so, and offers to try again. */
  Failed: ComponentType<{ onRetry(): void }>;
}

/**
 * A part of the checkout loaded from its own chunk, which can be asked for again: when the chunk
 * does not load, the customer sees `Failed` instead of a checkout stuck on its spinner, and
 * trying again imports it anew (browsers no longer keep a failed module fetch; one that does fails
 * again, and `Failed` stays). What is on screen around it, and the flow's state, are kept. An
 * error thrown by the part itself is not a load failure and goes on up.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>, { Loading, Failed }: RetryableLazyViews): ComponentType<P> {
  const attempt = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (cause) => {
          throw new ChunkLoadError('a chunk of the checkout did not load', { cause });
        },
      ),
    );
  let Loaded = attempt();
  const retry = () => {
    Loaded = attempt();
  };
  return (props: P) => (
    <LoadBoundary retry={retry} Failed={Failed}>
      {() => (
        <Suspense fallback={<Loading />}>
          <Loaded {...props} />
        </Suspense>
      )}
    </LoadBoundary>
  );
}

interface BoundaryProps {
  retry(): void;
  Failed: RetryableLazyViews['Failed'];
  /** Called at each render, so a retry renders the new attempt. */
  children: () => ReactNode;
}

class LoadBoundary extends Component<BoundaryProps, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown) {
    return { failure: { error } };
  }

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children();
    if (!(failure.error instanceof ChunkLoadError)) throw failure.error;
    const { Failed, retry } = this.props;
    return (
      <Failed
        onRetry={() => {
          retry();
          this.setState({ failure: null });
        }}
      />
    );
  }
}
