import type { FlowState } from './types';

export interface InitialStateOptions {
  /** The host confirms closes (init.confirmClose). */
  askBeforeClose?: boolean;
  /** Draw the phone step before start has answered, instead of the loading screen. */
  phoneBeforeStart?: boolean;
}

/** Where every checkout begins: nothing known, nothing in flight; START asks for the session. */
export function initialState({ askBeforeClose = false, phoneBeforeStart = false }: InitialStateOptions = {}): FlowState {
  const common = { askBeforeClose, command: null, nextCommandId: 1, error: null, emits: [], outcome: null, session: null, flowToken: null };
  if (phoneBeforeStart) return { ...common, screen: 'phone', pendingPhone: null, closeAfterStart: false };
  return { ...common, screen: 'loading' };
}
