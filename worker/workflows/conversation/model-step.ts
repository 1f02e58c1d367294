import { modelFailureOf } from '../model-failure';
import type { Flow, NeedsPersonStage } from './flow';

export type ModelStep<T> = { value: T } | { stopped: 'taken_over' | 'person' };

/**
 * One model activity as the workflow sees it, written once for classify, draft and revise: an
 * agent's own reply may overtake it, and a failure for good (the activity already followed the
 * stop reasons and retries) hands the conversation to a person with the reason. Runs from
 * before the needs-person patch fail the workflow task, as they did.
 */
export async function runModelStep<T>(flow: Flow, stage: NeedsPersonStage, key: string, work: () => Promise<T>): Promise<ModelStep<T>> {
  let result;
  try {
    result = await flow.unlessAgentTakesOver(work);
  } catch (error) {
    if (!flow.patches.needsPerson) throw error;
    return { stopped: await flow.handToPerson(stage, modelFailureOf(error), key) };
  }
  return 'takenOver' in result ? { stopped: 'taken_over' } : result;
}
