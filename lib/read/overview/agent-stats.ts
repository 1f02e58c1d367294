import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { Prisma } from '../../platform/db/generated/client';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface AgentStats {
  agentId: string;
  name: string;
  /** Conversations where this agent decided a reply's fate in the window: approved, edited, rejected or wrote it. */
  handled: number;
  /** First replies of a conversation that went out on this agent's decision, and their median wait. */
  firstResponses: number;
  medianFirstResponseSeconds: number | null;
  /** Conversations this agent resolved (below), and the median time from the customer's first message. */
  resolved: number;
  medianResolutionSeconds: number | null;
}

/** An agent's decision that settles a draft; revise and resend do not (the conversation goes on). */
const SETTLING = Prisma.raw(`('approve', 'edit_approve', 'reject', 'manual_reply')`);
const SENDING = Prisma.raw(`('approve', 'edit_approve', 'manual_reply')`);

/**
 * The overview's per-agent figures. Each is defined here and nowhere else:
 *
 * - *Handled*: distinct conversations with a settling decision by the agent in the window.
 * - *First response*: the conversation's first sent reply, sent in the window, attributed to the
 *   agent whose decision sent it (an automatic first reply belongs to nobody); measured from the
 *   arrival of the customer's first message to the reply leaving (`sentAt`).
 * - *Resolution*: the conversation's last reply sent or draft rejected by an agent, in the window,
 *   with nothing from the customer and no other reply after it; attributed to that agent and
 *   measured from the arrival of the customer's first message.
 *
 * Medians interpolate between the middle two of an even count, as percentile_cont does.
 */
export async function readAgentStats(window: OverviewWindow, db: DbClient = getDb()): Promise<AgentStats[]> {
  const since = window.since;
  const [handled, firstResponses, resolutions] = await Promise.all([
    db.$queryRaw<{ actorId: string; n: bigint }[]>`
      SELECT "actorId", COUNT(DISTINCT "conversationId") AS n FROM "Decision"
      WHERE "actorType" = 'agent' AND "actorId" IS NOT NULL AND "kind" IN ${SETTLING} AND "createdAt" >= ${since}
      GROUP BY "actorId"`,
    db.$queryRaw<{ actorId: string; n: bigint; median: number | null }[]>`
      SELECT d."actorId", COUNT(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM s."sentAt" - arrived.at)::float8) AS median
      FROM "OutboundSend" s
      JOIN "Decision" d ON d."conversationId" = s."conversationId" AND d."draftVersion" = s."draftVersion"
        AND d."actorType" = 'agent' AND d."actorId" IS NOT NULL AND d."kind" IN ${SENDING}
      CROSS JOIN LATERAL (SELECT MIN(m."createdAt") AS at FROM "Message" m WHERE m."conversationId" = s."conversationId" AND m."direction" = 'inbound') arrived
      WHERE s."status" = 'sent' AND s."sentAt" >= ${since} AND arrived.at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "OutboundSend" e WHERE e."conversationId" = s."conversationId" AND e."status" = 'sent' AND e."sentAt" < s."sentAt")
      GROUP BY d."actorId"`,
    db.$queryRaw<{ actorId: string; n: bigint; median: number | null }[]>`
      WITH ends AS (
        SELECT s."conversationId", s."sentAt" AS at, d."actorId"
        FROM "OutboundSend" s
        JOIN "Decision" d ON d."conversationId" = s."conversationId" AND d."draftVersion" = s."draftVersion"
          AND d."actorType" = 'agent' AND d."actorId" IS NOT NULL AND d."kind" IN ${SENDING}
        WHERE s."status" = 'sent' AND s."sentAt" >= ${since}
        UNION ALL
        SELECT d."conversationId", d."createdAt" AS at, d."actorId" FROM "Decision" d
        WHERE d."actorType" = 'agent' AND d."actorId" IS NOT NULL AND d."kind" = 'reject' AND d."createdAt" >= ${since}
      ), last AS (
        SELECT DISTINCT ON ("conversationId") "conversationId", at, "actorId" FROM ends ORDER BY "conversationId", at DESC
      )
      SELECT last."actorId", COUNT(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM last.at - arrived.at)::float8) AS median
      FROM last
      CROSS JOIN LATERAL (SELECT MIN(m."createdAt") AS at FROM "Message" m WHERE m."conversationId" = last."conversationId" AND m."direction" = 'inbound') arrived
      WHERE arrived.at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = last."conversationId" AND m."direction" = 'inbound' AND m."createdAt" > last.at)
        AND NOT EXISTS (SELECT 1 FROM "OutboundSend" s WHERE s."conversationId" = last."conversationId" AND s."status" = 'sent' AND s."sentAt" > last.at)
      GROUP BY last."actorId"`,
  ]);

  const ids = [...new Set([...handled, ...firstResponses, ...resolutions].map((row) => row.actorId))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(users.map((user) => [user.id, user.name || user.email]));
  const first = new Map(firstResponses.map((row) => [row.actorId, row]));
  const resolved = new Map(resolutions.map((row) => [row.actorId, row]));
  const handledBy = new Map(handled.map((row) => [row.actorId, num(row.n)]));
  const median = (value: number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return ids
    .map((agentId) => ({
      agentId,
      name: nameOf.get(agentId) ?? 'A removed user',
      handled: handledBy.get(agentId) ?? 0,
      firstResponses: num(first.get(agentId)?.n),
      medianFirstResponseSeconds: median(first.get(agentId)?.median),
      resolved: num(resolved.get(agentId)?.n),
      medianResolutionSeconds: median(resolved.get(agentId)?.median),
    }))
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}
