import 'server-only';
import type { Actor } from '../../../core/contract';
import type { BulkLifecycleChange } from '../../../core/conversation/lifecycle-schemas';
import { changeLifecycle, type LifecycleClient, type LifecycleOutcome } from './change-lifecycle';

export interface BulkOutcome {
  changed: string[];
  /** Each conversation that refused, with the workflow's reason: the others still changed. */
  refused: { conversationId: string; message: string }[];
}

/**
 * One lifecycle change over a selection. Each conversation decides for itself (its workflow's
 * validator), so a selection mixing open drafts and finished threads closes what may close and
 * names the rest; one update id per conversation keeps a retried request a no-op.
 */
export async function changeLifecycleMany(input: BulkLifecycleChange & { actor: Actor }, deps: { client?: LifecycleClient } = {}): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { changed: [], refused: [] };
  for (const conversationId of new Set(input.conversationIds)) {
    const result: LifecycleOutcome = await changeLifecycle(
      { conversationId, action: input.action, until: input.until, requestId: `${input.requestId}:${conversationId}`, actor: input.actor },
      deps,
    );
    if (result.ok) outcome.changed.push(conversationId);
    else outcome.refused.push({ conversationId, message: result.message });
  }
  return outcome;
}
