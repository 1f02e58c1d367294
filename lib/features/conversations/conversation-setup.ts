import type { AgentRole } from '../../core/contract';
import type { AutomationPolicy } from '../../core/policy/automation-policy';
import { getDb } from '../../platform/db';
import type { DbClient } from '../../platform/db/client';
import { env } from '../../platform/config/env';
import { AUTOMATION_POLICY_KEY } from '../settings/automation-policy';
import { automationPolicyOf } from '../settings/automation-policy-of';
import { automationPolicyFromEnv } from '../settings/default-automation-policy';
import { supportRosterOf } from '../users/load-support-roster';

export interface ConversationSetup {
  policy: AutomationPolicy;
  /** Who may decide, by user id. */
  actors: Record<string, AgentRole>;
  /** The highest draft version the conversation has (a thread reopened after an idle close). */
  lastDraftVersion: number;
}

/**
 * What a conversation's workflow run starts from: read by the run itself, off the intake
 * request, in one query (the policy as getAutomationPolicy applies it, the roster as
 * loadSupportRoster builds it).
 */
export async function loadConversationSetup(conversationId: string, db: DbClient = getDb()): Promise<ConversationSetup> {
  const [row] = await db.$queryRaw<{ policySaved: boolean; policyValue: unknown; lastVersion: number | null; users: { id: string; role: string }[] }[]>`
    SELECT EXISTS (SELECT 1 FROM "Setting" s WHERE s."key" = ${AUTOMATION_POLICY_KEY}) AS "policySaved",
           (SELECT s."value" FROM "Setting" s WHERE s."key" = ${AUTOMATION_POLICY_KEY}) AS "policyValue",
           (SELECT max(d."version") FROM "Draft" d WHERE d."conversationId" = ${conversationId}) AS "lastVersion",
           (SELECT coalesce(json_agg(json_build_object('id', u."id", 'role', u."role")), '[]'::json) FROM "User" u WHERE u."disabledAt" IS NULL) AS "users"`;
  if (!row) throw new Error('the conversation setup query returned no row');
  return {
    policy: automationPolicyOf(row.policySaved ? { value: row.policyValue } : null, automationPolicyFromEnv(env())),
    actors: supportRosterOf(row.users),
    lastDraftVersion: row.lastVersion === null ? 0 : Number(row.lastVersion),
  };
}
