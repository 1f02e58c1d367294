import type { AgentRole } from '../../core/contract';
import type { AutomationPolicy } from '../../core/policy/automation-policy';
import { getDb } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { getAutomationPolicy } from '../settings/automation-policy';
import { loadSupportRoster } from '../users/load-support-roster';

export interface ConversationSetup {
  policy: AutomationPolicy;
  /** Who may decide, by user id. */
  actors: Record<string, AgentRole>;
  /** The highest draft version the conversation has (a thread reopened after an idle close). */
  lastDraftVersion: number;
}

/** What a conversation's workflow run starts from: read by the run itself, off the intake request. */
export async function loadConversationSetup(conversationId: string, db: DbClient = getDb()): Promise<ConversationSetup> {
  const [policy, drafts, actors] = await Promise.all([
    getAutomationPolicy({}, db),
    db.draft.aggregate({ where: { conversationId }, _max: { version: true } }),
    loadSupportRoster(db),
  ]);
  return { policy, actors, lastDraftVersion: drafts._max.version ?? 0 };
}
