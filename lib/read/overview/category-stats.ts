import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { AUTO_SENT } from '../../features/figures/auto-sent-sql';
import { num, type OverviewWindow } from './overview-window';
import { getDb } from '../../platform/db';

export interface CategoryStats {
  /** null for conversations not (yet) classified. */
  category: string | null;
  /** Conversations with activity in the window. */
  conversations: number;
  /** Model cost of calls made in the window (the same calls as the cost chart), by the conversation's category. */
  costUsd: number;
  averageRisk: number | null;
  sent: number;
  autoSent: number;
  approvals: number;
  edited: number;
  averageEditSize: number | null;
  rejected: number;
  breaches: number;
}

type Key = string;
const keyOf = (category: string | null): Key => category ?? '\u0000';

/** The overview's per-category table: four grouped queries merged by category. */
export async function readCategoryStats(window: OverviewWindow, db: DbClient = getDb()): Promise<CategoryStats[]> {
  const since = window.since;
  const [conversations, costs, sends, decisions, breaches] = await Promise.all([
    db.$queryRaw<{ category: string | null; n: bigint; risk: number | null }[]>`
      SELECT "category", COUNT(*) AS n, AVG("riskScore")::float8 AS risk
      FROM "Conversation" WHERE "lastMessageAt" >= ${since} GROUP BY "category"`,
    // One cost for the whole overview: calls made in the window, as in the chart and the cost card
    // (a conversation's lifetime cost put last week's calls on today and today's on no row).
    db.$queryRaw<{ category: string | null; cost: number | null }[]>`
      SELECT c."category", SUM(l."costUsd") AS cost
      FROM "LlmCall" l LEFT JOIN "Conversation" c ON c."id" = l."conversationId"
      WHERE l."createdAt" >= ${since} GROUP BY c."category"`,
    db.$queryRaw<{ category: string | null; n: bigint; auto: bigint | null }[]>`
      SELECT c."category", COUNT(*) AS n, COUNT(*) FILTER (WHERE ${AUTO_SENT}) AS auto
      FROM "OutboundSend" s JOIN "Conversation" c ON c."id" = s."conversationId"
      WHERE s."status" = 'sent' AND s."sentAt" >= ${since} GROUP BY c."category"`,
    db.$queryRaw<{ category: string | null; unchanged: bigint; edited: bigint; editSum: number | null; rejected: bigint }[]>`
      SELECT c."category", COUNT(*) FILTER (WHERE d."kind" = 'approve') AS unchanged,
        COUNT(*) FILTER (WHERE d."kind" = 'edit_approve') AS edited,
        SUM(d."editDistance") FILTER (WHERE d."kind" = 'edit_approve') AS "editSum",
        COUNT(*) FILTER (WHERE d."kind" = 'reject') AS rejected
      FROM "Decision" d JOIN "Conversation" c ON c."id" = d."conversationId"
      WHERE d."actorType" = 'agent' AND d."createdAt" >= ${since} GROUP BY c."category"`,
    db.$queryRaw<{ category: string | null; n: bigint }[]>`
      SELECT c."category", COUNT(DISTINCT e."conversationId") AS n
      FROM "ConversationEvent" e JOIN "Conversation" c ON c."id" = e."conversationId"
      WHERE e."type" = 'escalated' AND e."at" >= ${since} GROUP BY c."category"`,
  ]);

  const table = new Map<Key, CategoryStats>();
  const entry = (category: string | null): CategoryStats => {
    const key = keyOf(category);
    let stats = table.get(key);
    if (!stats) {
      stats = { category, conversations: 0, costUsd: 0, averageRisk: null, sent: 0, autoSent: 0, approvals: 0, edited: 0, averageEditSize: null, rejected: 0, breaches: 0 };
      table.set(key, stats);
    }
    return stats;
  };
  for (const row of conversations) {
    Object.assign(entry(row.category), { conversations: num(row.n), averageRisk: row.risk === null ? null : Number(row.risk) });
  }
  for (const row of costs) entry(row.category).costUsd = num(row.cost);
  for (const row of sends) Object.assign(entry(row.category), { sent: num(row.n), autoSent: num(row.auto) });
  for (const row of decisions) {
    const edited = num(row.edited);
    Object.assign(entry(row.category), {
      approvals: num(row.unchanged) + edited,
      edited,
      averageEditSize: edited > 0 ? num(row.editSum) / edited : null,
      rejected: num(row.rejected),
    });
  }
  for (const row of breaches) entry(row.category).breaches = num(row.n);
  return [...table.values()].sort((a, b) => b.conversations - a.conversations || (a.category ?? '~').localeCompare(b.category ?? '~'));
}
