import { Prisma } from '../../lib/platform/db/generated/client';
import type { DbClient } from '../../lib/platform/db/client';
import type { BudgetStatus, ModelBudget } from '../../lib/core/policy/model-budget';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { modelBudgetFromEnv } from '../../lib/features/settings/model-budget';
import { budgetColumns, budgetStatusOf, type RawBudgetColumns } from '../../lib/features/settings/model-budget-check';
import { loadThread } from './load-thread';
import { threadJson, toThread, type RawThreadMessage } from './thread-sql';

export interface ClassifyInputs {
  thread: ThreadEntry[];
  customerAddress: string | null;
  budget: BudgetStatus;
}

interface Row extends RawBudgetColumns {
  found: boolean;
  thread: RawThreadMessage[];
  customerAddress: string | null;
}

/**
 * What classifying reads, in one query: the thread up to the message, and for the first Claude
 * call the customer address (the trace's pseudonymous id) and the model budget. An unknown
 * message fails as loadThread always did.
 */
export async function readClassifyInputs(input: { conversationId: string; messageId: string; budgetDefaults?: ModelBudget }, db: DbClient): Promise<ClassifyInputs> {
  const defaults = input.budgetDefaults ?? modelBudgetFromEnv();
  const until = Prisma.sql`(SELECT um."sentAt" FROM "Message" um WHERE um."id" = ${input.messageId})`;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT EXISTS ${until} AS "found", ${threadJson(input.conversationId, until)} AS "thread",
           (SELECT c."customerAddress" FROM "Conversation" c WHERE c."id" = ${input.conversationId}) AS "customerAddress",
           ${budgetColumns(defaults)}`;
  if (!row) throw new Error('the classify inputs query returned no row');
  return {
    thread: row.found ? toThread(row.thread) : await loadThread(db, input.conversationId, input.messageId),
    customerAddress: row.customerAddress,
    budget: budgetStatusOf(row, defaults),
  };
}
