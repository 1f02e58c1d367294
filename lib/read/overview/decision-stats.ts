import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { Prisma } from '../../platform/db/generated/client';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface DecisionStats {
  /** Agent approvals (as drafted or edited). */
  approvals: number;
  approvedUnchanged: number;
  edited: number;
  /** Mean edit size (characters added or removed) over edited approvals. */
  averageEditSize: number | null;
  rejected: number;
  revisions: number;
  /** Median seconds from a draft being ready to an agent deciding it. */
  medianSecondsToDecision: number | null;
}

const AGENT_DECISIONS = Prisma.raw(`('approve', 'edit_approve', 'reject', 'revise')`);

export async function readDecisionStats(window: OverviewWindow, db: DbClient = getDb()): Promise<DecisionStats> {
  const [counts, median] = await Promise.all([
    db.$queryRaw<{ kind: string; n: bigint; editSum: number | null }[]>`
      SELECT "kind", COUNT(*) AS n, SUM("editDistance") AS "editSum" FROM "Decision"
      WHERE "actorType" = 'agent' AND "createdAt" >= ${window.since} GROUP BY "kind"`,
    // The median of an even count is the mean of the middle two, as percentile_cont interpolates.
    db.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d."createdAt" - dr."createdAt")::float8) AS median
      FROM "Decision" d JOIN "Draft" dr ON dr."conversationId" = d."conversationId" AND dr."version" = d."draftVersion"
      WHERE d."actorType" = 'agent' AND d."kind" IN ${AGENT_DECISIONS} AND d."createdAt" >= ${window.since}`,
  ]);
  const byKind = new Map(counts.map((row) => [row.kind, row]));
  const edited = num(byKind.get('edit_approve')?.n);
  const approvedUnchanged = num(byKind.get('approve')?.n);
  const medianSeconds = median[0]?.median;
  return {
    approvals: approvedUnchanged + edited,
    approvedUnchanged,
    edited,
    averageEditSize: edited > 0 ? num(byKind.get('edit_approve')?.editSum) / edited : null,
    rejected: num(byKind.get('reject')?.n),
    revisions: num(byKind.get('revise')?.n),
    medianSecondsToDecision: medianSeconds === null || medianSeconds === undefined ? null : Number(medianSeconds),
  };
}
