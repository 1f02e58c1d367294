import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { localDayWindow } from '../../core/sla/zoned-time';
import { AUTO_SENT } from '../figures/auto-sent-sql';
import type { DigestFigures } from './digest-figures';

const AGENT_APPROVALS = ['approve', 'edit_approve'];
const TOP_CATEGORIES = 5;

/**
 * A local day's figures, with the overview's definitions (lib/read/overview: a send is
 * automatic only with the policy's `auto_send` decision, AUTO_SENT; rates over sends and
 * approvals; cost from LlmCall; review escalations from `escalated` events) bounded to the day.
 * tests/integration/features/digest/digest-figures.test.ts holds the two to the same numbers.
 */
export async function computeDigestFigures(input: { day: string; timeZone: string; now?: Date }, db: DbClient = getDb()): Promise<DigestFigures> {
  const { start, end } = localDayWindow(input.day, input.timeZone);
  const within = { gte: start, lt: end };
  const [messages, started, sends, decisions, needsPerson, breaches, escalations, cost, categories, demotions] = await Promise.all([
    db.message.count({ where: { direction: 'inbound', createdAt: within } }),
    db.conversation.count({ where: { createdAt: within } }),
    db.$queryRaw<{ n: bigint; auto: bigint | null }[]>`
      SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE ${AUTO_SENT}) AS auto FROM "OutboundSend" s
      WHERE s."status" = 'sent' AND s."sentAt" >= ${start} AND s."sentAt" < ${end}`,
    db.decision.groupBy({ by: ['kind'], where: { actorType: 'agent', kind: { in: AGENT_APPROVALS }, createdAt: within }, _count: { _all: true } }),
    db.conversation.count({ where: { status: 'needs_person' } }),
    db.slaNotice.count({ where: { kind: 'breach', createdAt: within } }),
    db.conversationEvent.findMany({ where: { type: 'escalated', at: within }, distinct: ['conversationId'], select: { conversationId: true } }),
    db.llmCall.aggregate({ _sum: { costUsd: true }, where: { createdAt: within } }),
    db.message.findMany({ where: { direction: 'inbound', createdAt: within }, distinct: ['conversationId'], select: { conversation: { select: { category: true } } } }),
    db.auditLog.findMany({ where: { action: 'autonomy.category.demote', createdAt: within }, select: { target: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  const sent = Number(sends[0]?.n ?? 0);
  const autoSent = Number(sends[0]?.auto ?? 0);
  const count = (kind: string) => decisions.find((row) => row.kind === kind)?._count._all ?? 0;
  const edited = count('edit_approve');
  const approvals = count('approve') + edited;
  return {
    day: input.day,
    timeZone: input.timeZone,
    messagesReceived: messages,
    conversationsStarted: started,
    sent,
    autoSent,
    automationRate: sent > 0 ? autoSent / sent : null,
    approvals,
    edited,
    editRate: approvals > 0 ? edited / approvals : null,
    needsPerson,
    slaBreaches: breaches,
    reviewEscalations: escalations.length,
    costUsd: cost._sum.costUsd ?? 0,
    topCategories: topCategories(categories.map((row) => row.conversation.category)),
    demotions: [...new Set(demotions.map((row) => (row.target ?? '').replace(/^category:/, '')))],
  };
}

function topCategories(categories: (string | null)[]): DigestFigures['topCategories'] {
  const counts = new Map<string | null, number>();
  for (const category of categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  return [...counts]
    .map(([category, conversations]) => ({ category, conversations }))
    .sort((a, b) => b.conversations - a.conversations || (a.category ?? '~').localeCompare(b.category ?? '~'))
    .slice(0, TOP_CATEGORIES);
}
