import type { Command, Common, FlowState } from './types';

/** The part every step holds, to build the next step on. */
export function common(state: FlowState): Common {
  const { askBeforeClose, command, nextCommandId, error, emits, outcome } = state;
  return { askBeforeClose, command, nextCommandId, error, emits, outcome };
}

/** Leave `command` for the runner, with the next id. */
export function issue<S extends FlowState>(state: S, command: Command): S {
  return { ...state, command: { ...command, id: state.nextCommandId }, nextCommandId: state.nextCommandId + 1 };
}
