import type { Client } from '@temporalio/client';

/** Every string and decoded payload (json/plain bytes as UTF-8) anywhere in a value: what a reader of the history could see. */
export function textsOf(value: unknown, out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) textsOf(item, out);
  return out;
}

export interface HistoryHit {
  workflowId: string;
  runId: string;
  eventType: string;
  needle: string;
}

/**
 * Reads the full history of every run in the namespace and reports each event whose payloads
 * (inputs, results, signals, updates, queries, memos, failures) contain one of the needles,
 * compared case-insensitively.
 */
export async function findInHistories(client: Client, needles: string[]): Promise<HistoryHit[]> {
  const hits: HistoryHit[] = [];
  for await (const execution of client.workflow.list()) {
    const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const text = textsOf(event).join('\n').toLowerCase();
      for (const needle of needles) {
        if (text.includes(needle.toLowerCase())) {
          hits.push({ workflowId: execution.workflowId, runId: execution.runId, eventType: String(event.eventType), needle });
        }
      }
    }
  }
  return hits;
}
