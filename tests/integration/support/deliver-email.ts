import { randomUUID } from 'node:crypto';
import type { DemoEmail } from '../../../devstack/demo-emails';
import { acceptInbound } from '../../../lib/features/intake/accept-inbound';
import { normalizeJson } from '../../../lib/features/intake/normalize';
import type { System } from './system';

/** Intake's own path (store, then signal-with-start), minus the HTTP layer. */
export async function deliverEmail(system: System, email: Pick<DemoEmail, 'from' | 'subject' | 'text'>) {
  const json = { ...email, messageId: `<${randomUUID()}@customer.test>`, to: 'support@countersign.local' };
  return acceptInbound(
    { db: system.store.db, getClient: async () => system.temporal.client, config: { TEMPORAL_TASK_QUEUE: system.taskQueue } },
    normalizeJson({ ...json, subject: json.subject }, JSON.stringify(json).length),
  );
}

const SETTLED = new Set(['sent', 'awaiting_approval', 'escalated', 'rejected', 'failed', 'closed', 'needs_person']);

/** Polls the mirror until every conversation has settled (or throws with their statuses). */
export async function waitUntilSettled(system: System, ids: string[], timeoutMs: number): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await system.store.db.conversation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    const statuses = new Map(rows.map((row) => [row.id, row.status]));
    if (ids.every((id) => SETTLED.has(statuses.get(id) ?? ''))) return statuses;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(Object.fromEntries(statuses))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls the mirror until the conversation has this status (or throws with the one it has). */
export async function waitForStatus(system: System, id: string, status: string, timeoutMs: number): Promise<{ status: string; statusReason: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await system.store.db.conversation.findUnique({ where: { id }, select: { status: true, statusReason: true } });
    if (row?.status === status) return row;
    if (Date.now() > deadline) throw new Error(`${id} never reached ${status}: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
