import type { FlowEvent, Screen, StateOn } from '../flow/types';

/** What a step's view gets: the flow state on its screen, and how to act on it. */
export interface StepProps<S extends Screen = Screen> {
  state: StateOn<S>;
  dispatch: (event: FlowEvent) => void;
}
