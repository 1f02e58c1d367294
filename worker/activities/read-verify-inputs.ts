import { Prisma } from '../../lib/platform/db/generated/client';
import type { DbClient } from '../../lib/platform/db/client';
import type { BudgetStatus, ModelBudget } from '../../lib/core/policy/model-budget';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { draftPassagesJson, type DraftPassageText } from '../../lib/features/knowledge/draft-passages-json';
import { modelBudgetFromEnv } from '../../lib/features/settings/model-budget';
import { budgetColumns, budgetStatusOf, type RawBudgetColumns } from '../../lib/features/settings/model-budget-check';
import { loadThread } from './load-thread';
import { threadJson, toThread, type RawThreadMessage } from './thread-sql';

export interface VerifyInputs {
  draft: { aiBody: string; basedOnMessageId: string };
  thread: ThreadEntry[];
  passages: DraftPassageText[];
  customerAddress: string | null;
  budget: BudgetStatus;
}

interface Row extends RawBudgetColumns {
  aiBody: string;
  basedOnMessageId: string;
  messageFound: boolean;
  thread: RawThreadMessage[];
  passages: DraftPassageText[];
  customerAddress: string | null;
}

/**
 * Everything the second check reads, in one query: the draft, the thread up to the message it
 * answers, exactly the passages the drafter was given, the customer address for the trace and
 * the model budget for the first call. A missing draft or message fails as it always did.
 */
export async function readVerifyInputs(input: { conversationId: string; draftVersion: number; budgetDefaults?: ModelBudget }, db: DbClient): Promise<VerifyInputs> {
  const { conversationId, draftVersion } = input;
  const defaults = input.budgetDefaults ?? modelBudgetFromEnv();
  const until = Prisma.sql`(SELECT um."sentAt" FROM "Message" um WHERE um."id" = d."basedOnMessageId")`;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT d."aiBody", d."basedOnMessageId",
           EXISTS ${until} AS "messageFound",
           ${threadJson(conversationId, until)} AS "thread",
           ${draftPassagesJson(Prisma.sql`d."id"`)} AS "passages",
           (SELECT c."customerAddress" FROM "Conversation" c WHERE c."id" = ${conversationId}) AS "customerAddress",
           ${budgetColumns(defaults)}
      FROM "Draft" d WHERE d."conversationId" = ${conversationId} AND d."version" = ${draftVersion}`;
  if (!row) {
    // Prisma's not-found error, as before (rare: an extra read only on this path).
    await db.draft.findUniqueOrThrow({ where: { conversationId_version: { conversationId, version: draftVersion } }, select: { id: true } });
    return readVerifyInputs(input, db);
  }
  const thread = row.messageFound ? toThread(row.thread) : await loadThread(db, conversationId, row.basedOnMessageId);
  return {
    draft: { aiBody: row.aiBody, basedOnMessageId: row.basedOnMessageId },
    thread,
    passages: row.passages,
    customerAddress: row.customerAddress,
    budget: budgetStatusOf(row, defaults),
  };
}
