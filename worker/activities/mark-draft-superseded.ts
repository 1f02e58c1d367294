import { markDraftSuperseded, type MarkDraftSupersededInput } from '../../lib/features/conversations/mirror/mark-draft-superseded';
import type { ActivityDeps } from './deps';

export type { MarkDraftSupersededInput };

export function createMarkDraftSuperseded(deps: ActivityDeps) {
  return async function markDraftSupersededActivity(input: MarkDraftSupersededInput): Promise<void> {
    await markDraftSuperseded(input, deps.db);
  };
}
