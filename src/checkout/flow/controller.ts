import type { CheckoutEvent, Step } from '../../contract';
import { type EffectDeps, runCommand } from './effects';
import { initialState } from './initial-state';
import { transition } from './machine';
import { stepOf } from './screens';
import { isPaying, reportedStep } from './status';
import type { FlowEvent, FlowState, Outcome, Session } from './types';

/** What the outside world hears from the flow (the bridge turns it into host messages). */
export interface FlowObserver {
  /** The first screen the customer can use is drawn (the phone step may precede start's answer). */
  firstScreenDrawn?(step: Step): void;
  /** The first step start placed the session at (reported after `firstScreenDrawn`). */
  sessionStartedAt(step: Step): void;
  event(event: CheckoutEvent): void;
  lock(): void;
  unlock(): void;
  outcome(outcome: Outcome): void;
  session(session: Session): void;
}

export interface FlowController {
  getState(): FlowState;
  dispatch(event: FlowEvent): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Runs the machine: applies events, reports what changed, performs the command a transition
 * left behind and feeds its answer back. The lock goes out before the charge request does.
 */
export function createFlowController(deps: EffectDeps, observer: FlowObserver, start: FlowState = initialState()): FlowController {
  let state = start;
  let drawnReported = false;
  let startedReported = false;
  const listeners = new Set<() => void>();

  function dispatch(event: FlowEvent): void {
    const prev = state;
    const next = transition(prev, event);
    if (next === prev) return;
    state = next;
    if (next.session && !prev.session) observer.session(next.session);
    if (!drawnReported && next.screen !== 'loading') {
      drawnReported = true;
      observer.firstScreenDrawn?.(stepOf(next.screen));
    }
    if (!startedReported && reportedStep(next) !== 'loading') {
      startedReported = true;
      observer.sessionStartedAt(reportedStep(next));
    }
    const paying = isPaying(next);
    if (paying !== isPaying(prev)) {
      if (paying) observer.lock();
      else observer.unlock();
    }
    for (const emitted of next.emits) observer.event(emitted);
    if (next.outcome && !prev.outcome) observer.outcome(next.outcome);
    const command = next.command;
    if (command && command !== prev.command) {
      void runCommand(command, next, deps).then(dispatch);
    }
    for (const listener of listeners) listener();
  }

  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
