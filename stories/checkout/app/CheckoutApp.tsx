import { useEffect, useLayoutEffect, useState } from 'react';
import { App } from '../../../src/checkout/App';
import { createFlowController } from '../../../src/checkout/flow/controller';
import { idempotencyKeys, memoryStorage } from '../../../src/checkout/flow/idempotency';
import { initialState } from '../../../src/checkout/flow/initial-state';
import type { ProcessorProps } from '../../../src/checkout/steps/payment/processor';
import { appearanceVariables } from '../../../src/checkout/theme/appearance';
import { StripePayment } from '../../../src/checkout/steps/payment/StripePayment';
import type { CheckoutPreviewProps } from '../harness/CheckoutPreview';
import { fakeFlowApi } from '../harness/fake-api';
import { fakeStripe } from '../../../test/fixtures/fake-stripe';
import { recordingObserver, resetStoryLog } from '../harness/recorder';

/** The real card field on a fake Stripe: no network, no js.stripe.com. */
function FakeStripePayment(props: ProcessorProps) {
  const [stripe] = useState(fakeStripe);
  return <StripePayment {...props} stripe={stripe} />;
}

/**
 * The whole checkout app (shell, steps, flow controller) on a fake API, at a chosen state. This
 * folder renders with Preact, as the app's build does (.storybook/preact-for-checkout.ts).
 */
export function CheckoutApp({ state, api, embed = 'overlay', accent }: CheckoutPreviewProps) {
  const [controller] = useState(() => {
    resetStoryLog();
    return createFlowController(
      {
        api: api ?? fakeFlowApi(),
        secret: 'story_secret_0123456789',
        parentOrigin: window.location.origin,
        keys: (sessionId) => idempotencyKeys(memoryStorage(), sessionId),
      },
      recordingObserver(),
      state ?? initialState(),
    );
  });

  useEffect(() => {
    document.documentElement.dataset.embed = embed;
    if (!state) controller.dispatch({ type: 'START' });
  }, [controller, state, embed]);

  useLayoutEffect(() => {
    if (!accent) return;
    const root = document.documentElement.style;
    const vars = Object.entries(appearanceVariables({ accent }));
    for (const [name, value] of vars) root.setProperty(name, value);
    return () => {
      for (const [name] of vars) root.removeProperty(name);
    };
  }, [accent]);

  return <App controller={controller} backdrop={embed === 'overlay'} stripeProcessor={FakeStripePayment} />;
}
