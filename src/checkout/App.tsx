import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Prefill } from '../contract';
import type { FlowController } from './flow/controller';
import { isPaying } from './flow/status';
import type { FlowEvent, FlowState } from './flow/types';
import { CodeStep } from './steps/code/CodeStep';
import { FailureStep } from './steps/end/FailureStep';
import { LoadingStep } from './steps/end/LoadingStep';
import { LazyLaterScreen, prefetchLater } from './steps/load-later';
import { LazyStripePayment, prefetchStripe } from './steps/payment/load-processor';
import type { ProcessorView } from './steps/payment/processor';
import { PhoneStep } from './steps/phone/PhoneStep';
import { isTestMode } from './steps/test-mode';
import { Shell } from './ui/Shell';

export interface AppProps {
  controller: FlowController;
  /** Overlay embeds get the app's own backdrop; inline embeds report their height. */
  backdrop: boolean;
  onResize?: (height: number) => void;
  language?: string;
  /** The merchant's prefill: the phone step's number, the new-wallet form's name and email. */
  prefill?: Prefill | undefined;
  /** Replace the Stripe implementation (tests pass one built on a fake Stripe object). */
  stripeProcessor?: ProcessorView;
}

export function App({ controller, backdrop, onResize, language, prefill, stripeProcessor }: AppProps) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const dispatch = useCallback((event: FlowEvent) => controller.dispatch(event), [controller]);
  const stripe = state.session?.processor.kind === 'stripe';

  // The payment step is near once a code is on its way: fetch what it needs.
  useEffect(() => {
    if (state.screen !== 'code') return;
    void prefetchLater().catch(() => {});
    if (stripe && !stripeProcessor) void prefetchStripe().catch(() => {});
  }, [stripe, stripeProcessor, state.screen]);

  return (
    <Shell
      merchant={state.session?.merchant.name ?? null}
      backdrop={backdrop}
      onClose={() => dispatch({ type: 'CLOSE' })}
      closeDisabled={isPaying(state)}
      sandbox={isTestMode(state.session)}
      onResize={onResize}
    >
      <Screen
        state={state}
        dispatch={dispatch}
        language={language}
        prefill={prefill}
        processor={stripe ? (stripeProcessor ?? LazyStripePayment) : undefined}
      />
    </Shell>
  );
}

function Screen({
  state,
  dispatch,
  language,
  prefill,
  processor,
}: {
  state: FlowState;
  dispatch: (event: FlowEvent) => void;
  language: string | undefined;
  prefill: Prefill | undefined;
  processor: ProcessorView | undefined;
}) {
  switch (state.screen) {
    case 'loading':
      return <LoadingStep />;
    case 'phone':
      // Keyed by language: a locale from the host (after the early draw) picks its own default country.
      return <PhoneStep key={language} state={state} dispatch={dispatch} language={language} initialPhone={prefill?.phone} />;
    case 'code':
      return <CodeStep state={state} dispatch={dispatch} />;
    case 'failure':
      return <FailureStep state={state} dispatch={dispatch} />;
    default:
      return <LazyLaterScreen state={state} dispatch={dispatch} processor={processor} prefill={prefill} />;
  }
}
