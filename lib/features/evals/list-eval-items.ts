import { getDb, type DbClient } from '../../platform/db';
import { evalItemSchema, type EvalItem } from './eval-item';

/** A dataset's examples, oldest first, in the export shape (JSONL, LangFuse items). */
export async function listEvalItems(input: { dataset: string }, db: DbClient = getDb()): Promise<EvalItem[]> {
  const rows = await db.evalItem.findMany({ where: { dataset: input.dataset }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => evalItemSchema.parse({ id: row.id, input: row.input, expectedOutput: row.expectedOutput, metadata: row.metadata }));
}
