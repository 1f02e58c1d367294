import type { LangfuseApi } from '../../platform/observability/langfuse-api';
import { evalItemSchema, type EvalItem } from './eval-item';

/**
 * A LangFuse dataset's active items, page by page (`GET /api/public/dataset-items`). Items
 * that are not in our shape (added by hand in LangFuse, say) are skipped and counted, so a
 * run says what it left out.
 */
export async function readLangfuseDataset(api: LangfuseApi, name: string): Promise<{ items: EvalItem[]; skipped: number }> {
  const items: EvalItem[] = [];
  let skipped = 0;
  for (let page = 1; ; page += 1) {
    const body = (await api.expectOk('GET', `/api/public/dataset-items?datasetName=${encodeURIComponent(name)}&page=${page}&limit=50`)) as {
      data?: { id: string; input: unknown; expectedOutput: unknown; metadata: unknown; status?: string }[];
      meta?: { totalPages?: number };
    };
    for (const row of body.data ?? []) {
      if (row.status === 'ARCHIVED') continue;
      const parsed = evalItemSchema.safeParse({ id: row.id, input: row.input, expectedOutput: row.expectedOutput, metadata: row.metadata ?? {} });
      if (parsed.success) items.push(parsed.data);
      else skipped += 1;
    }
    if (page >= (body.meta?.totalPages ?? 1) || (body.data ?? []).length === 0) break;
  }
  return { items, skipped };
}
