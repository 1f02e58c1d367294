import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { LangfuseApi } from '../../platform/observability/langfuse-api';
import { deleteLangfuseDatasetItem, deleteLangfuseTraces } from '../../platform/observability/langfuse-deletions';
import { traceIdFor } from '../../platform/observability/trace-ids';
import { readErasureScope } from './erasure-scope';

/**
 * Deletes what LangFuse holds of the scope: one trace per message (its id derived from
 * conversation + message, trace-ids.ts, so nothing needs to be looked up in LangFuse) and the
 * dataset item of each evaluation example (same id as the EvalItem row). Runs before the rows
 * go, since the ids come from them. Without LangFuse configured there is nothing to delete.
 */
export async function eraseLangfuseRecords(erasureId: string, api: LangfuseApi | undefined, db: DbClient = getDb()): Promise<{ traces: number; datasetItems: number }> {
  if (!api) return { traces: 0, datasetItems: 0 };
  const scope = await readErasureScope(erasureId, db);
  const [messages, evalItems] = await Promise.all([
    db.message.findMany({
      where: { OR: [{ conversationId: { in: scope.conversationIds } }, { id: { in: scope.messageIds } }] },
      select: { id: true, conversationId: true },
    }),
    db.evalItem.findMany({ where: { OR: [{ conversationId: { in: scope.conversationIds } }, { messageId: { in: scope.messageIds } }] }, select: { id: true } }),
  ]);
  for (const item of evalItems) await deleteLangfuseDatasetItem(api, item.id);
  const traceIds = messages.map((message) => traceIdFor({ workflowId: message.conversationId, messageId: message.id }));
  await deleteLangfuseTraces(api, traceIds);
  return { traces: traceIds.length, datasetItems: evalItems.length };
}
