/**
 * The checkout flow as data: `transition(state, event)` returns the next state and never
 * touches the DOM or the network. A request to make is left in `state.command`; the effects
 * runner performs it and feeds the answer back as an event carrying the command's id.
 */
import { answer } from './answers';
import { close } from './close';
import { act } from './customer-events';
import { isBeforeStart, isBusy, reportedStep } from './status';
import type { AnswerEvent, CustomerEvent, FlowEvent, FlowState } from './types';

/** The state after `event`: `prev` itself when the event changes nothing, and nothing once the flow has an outcome. */
export function transition(prev: FlowState, event: FlowEvent): FlowState {
  if (prev.outcome) return prev;
  const state: FlowState = { ...prev, emits: [] };
  const next = 'id' in event ? onAnswer(state, event) : onCustomer(state, event);
  return next === state ? prev : withStepEvent(prev, next);
}

function onAnswer(state: FlowState, event: AnswerEvent): FlowState {
  const command = state.command;
  if (!command || command.id !== event.id) return state;
  const next = answer({ ...state, command: null }, event, command);
  // Closed while the early phone step waited for start: end now that it has answered.
  return isBeforeStart(state) && state.closeAfterStart ? close(next, true) : next;
}

function onCustomer(state: FlowState, event: CustomerEvent): FlowState {
  // One request at a time: anything but closing waits for the answer (a phone submitted before
  // start waits for START, which issues no second request).
  if (isBusy(state) && event.type !== 'CLOSE' && event.type !== 'START') return state;
  return act(state, event);
}

/** Every change of reported step is an event for the host. */
function withStepEvent(prev: FlowState, next: FlowState): FlowState {
  const step = reportedStep(next);
  if (step === reportedStep(prev)) return next;
  return { ...next, emits: [...next.emits, { type: 'step', step }] };
}
