import { Prisma } from '../../lib/platform/db/generated/client';
import type { DbClient } from '../../lib/platform/db/client';
import type { AutomationPolicy } from '../../lib/core/policy/automation-policy';
import type { BudgetStatus, ModelBudget } from '../../lib/core/policy/model-budget';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { env } from '../../lib/platform/config/env';
import { AUTOMATION_POLICY_KEY } from '../../lib/features/settings/automation-policy';
import { automationPolicyOf } from '../../lib/features/settings/automation-policy-of';
import { automationPolicyFromEnv } from '../../lib/features/settings/default-automation-policy';
import { modelBudgetFromEnv } from '../../lib/features/settings/model-budget';
import { budgetColumns, budgetStatusOf, type RawBudgetColumns } from '../../lib/features/settings/model-budget-check';
import { loadThread } from './load-thread';
import { threadJson, toThread, type RawThreadMessage } from './thread-sql';

export interface DraftInputs {
  thread: ThreadEntry[];
  /** The message's classification, null when none was stored. */
  classification: { ok: boolean; category: string | null; priority: string | null; sentiment: string | null; summary: string | null } | null;
  conversation: { subject: string; customerName: string | null; customerAddress: string | null; customerEmail: string; mailbox: { address: string } | null };
  /** The automation policy in force (getAutomationPolicy's rule), read whether or not it is needed: it rides along. */
  policy: AutomationPolicy;
  budget: BudgetStatus;
}

interface Row extends RawBudgetColumns {
  found: boolean;
  thread: RawThreadMessage[];
  classification: DraftInputs['classification'];
  subject: string;
  customerName: string | null;
  customerAddress: string | null;
  customerEmail: string;
  mailboxAddress: string | null;
  policySaved: boolean;
  policyValue: unknown;
}

/**
 * What drafting reads before it asks Claude, in one query: the thread up to the message it
 * answers, that message's classification, the conversation and its mailbox, the automation
 * policy and the model budget for the first call. A missing message or conversation fails as
 * it always did.
 */
export async function readDraftInputs(input: { conversationId: string; messageId: string; budgetDefaults?: ModelBudget }, db: DbClient): Promise<DraftInputs> {
  const { conversationId, messageId } = input;
  const defaults = input.budgetDefaults ?? modelBudgetFromEnv();
  const until = Prisma.sql`(SELECT um."sentAt" FROM "Message" um WHERE um."id" = ${messageId})`;
  const policy = Prisma.sql`(SELECT s."value" FROM "Setting" s WHERE s."key" = ${AUTOMATION_POLICY_KEY})`;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT EXISTS ${until} AS "found", ${threadJson(conversationId, until)} AS "thread",
           (SELECT json_build_object('ok', cl."ok", 'category', cl."category", 'priority', cl."priority", 'sentiment', cl."sentiment", 'summary', cl."summary")
              FROM "Classification" cl WHERE cl."messageId" = ${messageId}) AS "classification",
           c."subject", c."customerName", c."customerAddress", c."customerEmail", mb."address" AS "mailboxAddress",
           ${policy} IS NOT NULL AS "policySaved", ${policy} AS "policyValue",
           ${budgetColumns(defaults)}
      FROM "Conversation" c LEFT JOIN "Mailbox" mb ON mb."id" = c."mailboxId"
     WHERE c."id" = ${conversationId}`;
  if (!row) {
    // Prisma's not-found error, as before (rare: an extra read only on this path).
    await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { id: true } });
    return readDraftInputs(input, db);
  }
  return {
    thread: row.found ? toThread(row.thread) : await loadThread(db, conversationId, messageId),
    classification: row.classification,
    conversation: {
      subject: row.subject,
      customerName: row.customerName,
      customerAddress: row.customerAddress,
      customerEmail: row.customerEmail,
      mailbox: row.mailboxAddress === null ? null : { address: row.mailboxAddress },
    },
    policy: automationPolicyOf(row.policySaved ? { value: row.policyValue } : null, automationPolicyFromEnv(env())),
    budget: budgetStatusOf(row, defaults),
  };
}
