import pg from 'pg';
import type { BenchEmail } from './bench-emails';
import type { BenchStack } from './start-stack';

export interface PipelineRun {
  /** From the first POST to the last conversation settled (sent, or waiting for a person). */
  seconds: number;
  /** Per email: the POST's response time. */
  intakeMs: number[];
  /** Per email: from its POST to its reply accepted by SMTP (sent emails only). */
  latenciesMs: number[];
  sent: number;
  /** How many conversations ended in each status. */
  statuses: Record<string, number>;
}

const SETTLED = new Set(['sent', 'awaiting_approval', 'escalated', 'rejected', 'failed', 'closed', 'needs_person']);

interface Settlement {
  id: string;
  status: string;
  /** When SMTP accepted the reply, else the conversation's last event. */
  settled_at: Date | null;
}

/**
 * Posts each email to `/api/inbound` (all at once, or `spacingMs` apart) as a mail relay
 * would, then reads from the stack's database when each conversation settled. Times come
 * from the rows (written on this machine's clock), not from polling.
 */
export async function driveThroughPipeline(stack: BenchStack, emails: readonly BenchEmail[], { spacingMs = 0, timeoutMs = 600_000 } = {}): Promise<PipelineRun> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const base = performance.now();
    const baseWall = Date.now();
    const posted = await Promise.all(
      emails.map(async (email, index) => {
        if (spacingMs > 0) await new Promise((resolve) => setTimeout(resolve, base + index * spacingMs - performance.now()));
        const begin = performance.now();
        const response = await fetch(`${stack.webUrl}/api/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.inboundSecret}` },
          body: JSON.stringify(email),
        });
        const end = performance.now();
        if (response.status !== 202) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
        const { conversationId } = (await response.json()) as { conversationId: string };
        return { conversationId, postedAtWall: baseWall + (begin - base), intakeMs: end - begin };
      }),
    );
    const ids = posted.map((entry) => entry.conversationId);
    const deadline = Date.now() + timeoutMs;
    let rows: Settlement[] = [];
    for (;;) {
      ({ rows } = await db.query<Settlement>(
        `SELECT c.id, c.status,
                COALESCE((SELECT max(o."sentAt") FROM "OutboundSend" o WHERE o."conversationId" = c.id AND o.status = 'sent'),
                         (SELECT max(e."createdAt") FROM "ConversationEvent" e WHERE e."conversationId" = c.id)) AS settled_at
           FROM "Conversation" c WHERE c.id = ANY($1)`,
        [ids],
      ));
      if (rows.length === ids.length && rows.every((row) => SETTLED.has(row.status))) break;
      if (Date.now() > deadline) throw new Error(`not settled after ${timeoutMs / 1000} s: ${JSON.stringify(rows.filter((row) => !SETTLED.has(row.status)).slice(0, 5))}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const statuses: Record<string, number> = {};
    const latenciesMs: number[] = [];
    let last = baseWall;
    for (const entry of posted) {
      const row = byId.get(entry.conversationId);
      if (!row) continue;
      statuses[row.status] = (statuses[row.status] ?? 0) + 1;
      const settledAt = row.settled_at?.getTime() ?? Date.now();
      last = Math.max(last, settledAt);
      if (row.status === 'sent') latenciesMs.push(settledAt - entry.postedAtWall);
    }
    return { seconds: (last - baseWall) / 1000, intakeMs: posted.map((entry) => entry.intakeMs), latenciesMs, sent: statuses.sent ?? 0, statuses };
  } finally {
    await db.end();
  }
}
