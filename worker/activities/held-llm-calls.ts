import { recordLlmCalls } from '../../lib/features/conversations/mirror/llm-calls-sql';
import type { LlmCallRecord } from '../../lib/features/conversations/mirror/record-llm-call';
import type { ActivityDeps } from './deps';

/**
 * The rows of a step's answered Claude calls, held until the statement that stores the step's
 * result writes them with it (llmCallsSql): a call then costs no round trip of its own. A call
 * that failed is written at once (callClaude), and so is everything held before a second call
 * of the same turn, whose budget check must see the first one's cost.
 */
export class HeldLlmCalls {
  private records: LlmCallRecord[] = [];

  hold(record: LlmCallRecord): void {
    this.records.push(record);
  }

  /** Runs the step's write with the held rows; once it has stored them they are no longer held. */
  async writeWith<T>(write: (records: readonly LlmCallRecord[]) => Promise<T>): Promise<T> {
    const records = [...this.records];
    const result = await write(records);
    this.records = this.records.filter((record) => !records.includes(record));
    return result;
  }

  /** Writes what is held in a statement of its own. */
  async flush(deps: Pick<ActivityDeps, 'db'>): Promise<void> {
    await this.writeWith((records) => recordLlmCalls(records, deps.db));
  }
}

/**
 * Runs a model step whose result write stores its calls' rows. Whatever it did not store (it
 * failed or threw before or during that write, or took a path that stores no result) is written
 * on its own before the step ends, so a call's cost is recorded even when the step then fails:
 * a retried attempt's calls have keys of their own and add their own rows, as before. When that
 * write fails too on a failed step, the step's own error is the one reported.
 */
export async function foldingLlmCalls<T>(deps: Pick<ActivityDeps, 'db'>, step: (held: HeldLlmCalls) => Promise<T>): Promise<T> {
  const held = new HeldLlmCalls();
  let result: T;
  try {
    result = await step(held);
  } catch (error) {
    await held.flush(deps).catch((flushError: unknown) => console.error('Recording the Claude calls of a failed step failed', flushError));
    throw error;
  }
  await held.flush(deps);
  return result;
}
