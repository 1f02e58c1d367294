import { Prisma } from '../../lib/platform/db/generated/client';
import type { DbClient } from '../../lib/platform/db/client';
import type { BudgetStatus, ModelBudget } from '../../lib/core/policy/model-budget';
import { draftPassagesJson, type DraftPassageText } from '../../lib/features/knowledge/draft-passages-json';
import { modelBudgetFromEnv } from '../../lib/features/settings/model-budget';
import { budgetColumns, budgetStatusOf, type RawBudgetColumns } from '../../lib/features/settings/model-budget-check';

export interface GroundingInputs {
  draft: { aiBody: string; basedOnMessageId: string };
  conversation: { customerAddress: string | null; customerName: string | null; mailbox: { address: string } | null };
  staffNames: string[];
  /** Every inbound message's subject and text: code extracts the customer's identifiers from them. */
  inbound: { subject: string; textBody: string | null }[];
  passages: DraftPassageText[];
  budget: BudgetStatus;
}

interface Row extends RawBudgetColumns {
  aiBody: string;
  basedOnMessageId: string;
  customerAddress: string | null;
  customerName: string | null;
  mailboxAddress: string | null;
  staffNames: string[];
  inbound: { subject: string; textBody: string | null }[];
  passages: DraftPassageText[];
}

/**
 * Everything the grounding check reads, in one query: the draft, what our systems know
 * (mailbox, customer, active staff, the inbound mail to extract identifiers from), the passages
 * the drafter was given and the model budget for the first call. A missing draft or
 * conversation fails as it always did.
 */
export async function readGroundingInputs(input: { conversationId: string; draftVersion: number; budgetDefaults?: ModelBudget }, db: DbClient): Promise<GroundingInputs> {
  const { conversationId, draftVersion } = input;
  const defaults = input.budgetDefaults ?? modelBudgetFromEnv();
  const [row] = await db.$queryRaw<Row[]>`
    SELECT d."aiBody", d."basedOnMessageId", c."customerAddress", c."customerName", mb."address" AS "mailboxAddress",
           (SELECT coalesce(json_agg(u."name"), '[]'::json) FROM "User" u WHERE u."disabledAt" IS NULL) AS "staffNames",
           (SELECT coalesce(json_agg(json_build_object('subject', m."subject", 'textBody', m."textBody")), '[]'::json)
              FROM "Message" m WHERE m."conversationId" = c."id" AND m."direction" = 'inbound') AS "inbound",
           ${draftPassagesJson(Prisma.sql`d."id"`)} AS "passages",
           ${budgetColumns(defaults)}
      FROM "Draft" d
      JOIN "Conversation" c ON c."id" = d."conversationId"
      LEFT JOIN "Mailbox" mb ON mb."id" = c."mailboxId"
     WHERE d."conversationId" = ${conversationId} AND d."version" = ${draftVersion}`;
  if (!row) {
    // Prisma's not-found errors, as before (rare: extra reads only on this path).
    await db.draft.findUniqueOrThrow({ where: { conversationId_version: { conversationId, version: draftVersion } }, select: { id: true } });
    await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { id: true } });
    return readGroundingInputs(input, db);
  }
  return {
    draft: { aiBody: row.aiBody, basedOnMessageId: row.basedOnMessageId },
    conversation: { customerAddress: row.customerAddress, customerName: row.customerName, mailbox: row.mailboxAddress === null ? null : { address: row.mailboxAddress } },
    staffNames: row.staffNames,
    inbound: row.inbound,
    passages: row.passages,
    budget: budgetStatusOf(row, defaults),
  };
}
