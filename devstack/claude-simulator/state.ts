// Everything one simulator instance remembers between requests, in one place so reset() and the
// control endpoint clear exactly the same things.
import { FaultInjector } from './faults';
import { PromptCache } from './prompt-cache';
import { StatsRecorder } from './stats';
import { FooledDrafts } from './fooled-drafts';

export interface SimulatorState {
  faults: FaultInjector;
  stats: StatsRecorder;
  cache: PromptCache;
  /** What a fooled drafter writes for which email (fault switch `fooled.drafter`). */
  fooledDrafts: FooledDrafts;
  /** Aborted by close(): ends held "timeout" requests and pending latency at once. */
  shutdown: AbortSignal;
}

export function createSimulatorState(shutdown: AbortSignal, now: () => number = Date.now): SimulatorState {
  return { faults: new FaultInjector(), stats: new StatsRecorder(), cache: new PromptCache(now), fooledDrafts: new FooledDrafts(), shutdown };
}

export function resetSimulatorState(state: SimulatorState): void {
  state.faults.reset();
  state.stats.reset();
  state.cache.clear();
  state.fooledDrafts.clear();
}
