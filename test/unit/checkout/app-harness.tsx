import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AppMessage, StartResponse } from '../../../src/contract';
import { App } from '../../../src/checkout/App';
import type { FlowApi } from '../../../src/checkout/api/client';
import type { HostLink } from '../../../src/checkout/bridge/host-link';
import { reportTo } from '../../../src/checkout/bridge/report';
import { createFlowController } from '../../../src/checkout/flow/controller';
import { idempotencyKeys, memoryStorage } from '../../../src/checkout/flow/idempotency';
import type { ProcessorView } from '../../../src/checkout/steps/payment/processor';
import { startResponse } from './fixtures';

/** The whole app on a fake flow API, with every message to the host recorded. */
export function renderApp(
  api: Partial<FlowApi> = {},
  options: { start?: StartResponse; stripeProcessor?: ProcessorView; secret?: string } = {},
) {
  const sent: AppMessage[] = [];
  let closeRequest: (() => void) | null = null;
  const link: HostLink = {
    send: (message) => sent.push(message),
    onCloseRequest: (handler) => {
      closeRequest = () => handler({ type: 'close_request' });
    },
  };
  const fullApi = {
    start: vi.fn(async () => options.start ?? startResponse()),
    sendCode: vi.fn(async () => ({ phone_masked: '+1 •••• ••00', resend_after: 30, expires_in: 600 })),
    verifyCode: vi.fn(async () => ({ flow_token: 'ft_verified', wallet: { exists: false as const } })),
    createWallet: vi.fn(async () => ({ connection_id: 'conn_1', created: true })),
    linkWallet: vi.fn(async () => ({ connection_id: 'conn_1', created: false })),
    ...api,
  } as FlowApi;
  const storage = memoryStorage();
  const controller = createFlowController(
    { api: fullApi, secret: options.secret ?? 'sec_abcdefghijklmnop', parentOrigin: 'http://localhost:5173', keys: (id) => idempotencyKeys(storage, id) },
    reportTo(link),
  );
  link.onCloseRequest(() => controller.dispatch({ type: 'CLOSE', byHost: true }));
  const user = userEvent.setup();
  const view = render(<App controller={controller} backdrop language="en-US" stripeProcessor={options.stripeProcessor} />);
  controller.dispatch({ type: 'START' });
  return { ...view, api: fullApi, sent, controller, user, storage, closeRequest: () => closeRequest?.() };
}
