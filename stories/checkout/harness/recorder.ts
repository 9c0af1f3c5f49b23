import type { FlowObserver } from '../../../src/checkout/flow/controller';
import type { Outcome } from '../../../src/checkout/flow/types';
import type { CheckoutEvent, Step } from '../../../src/contract';

/** What the flow told the host during the current story: play functions assert on it. */
export interface StoryLog {
  ready: Step[];
  events: CheckoutEvent[];
  outcomes: Outcome[];
  locks: number;
  unlocks: number;
}

export const storyLog: StoryLog = { ready: [], events: [], outcomes: [], locks: 0, unlocks: 0 };

export function resetStoryLog(): void {
  storyLog.ready = [];
  storyLog.events = [];
  storyLog.outcomes = [];
  storyLog.locks = 0;
  storyLog.unlocks = 0;
}

export function recordingObserver(): FlowObserver {
  return {
    sessionStartedAt: (step) => storyLog.ready.push(step),
    event: (event) => storyLog.events.push(event),
    lock: () => void storyLog.locks++,
    unlock: () => void storyLog.unlocks++,
    outcome: (outcome) => storyLog.outcomes.push(outcome),
    session: () => {},
  };
}
