import type { FlowEvent, FlowState } from '../flow/types';

export interface StepProps {
  state: FlowState;
  dispatch: (event: FlowEvent) => void;
}
