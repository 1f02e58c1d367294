import 'server-only';
import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import type { OverviewWindow } from './overview-window';

export interface ResponseSlaStats {
  /** Response targets (first or next reply) breached in the window: one per conversation and target. */
  breaches: number;
  reminders: number;
  /** Owing a reply right now, and of those already past due. */
  owing: number;
  overdueNow: number;
  /** The newest breaches in the window, for the overview's list. */
  recent: { conversationId: string; subject: string; kind: string; dueAt: Date }[];
}

/** The SLA engine on the overview: what its sweeps recorded (SlaNotice) and what is owed now (ConversationSla). */
export async function readResponseSlaStats(window: Pick<OverviewWindow, 'since' | 'now'>, db: DbClient = getDb()): Promise<ResponseSlaStats> {
  const [notices, owing, overdueNow, recent] = await Promise.all([
    db.slaNotice.groupBy({ by: ['kind'], where: { createdAt: { gte: window.since } }, _count: { _all: true } }),
    db.conversationSla.count(),
    db.conversationSla.count({ where: { dueAt: { lt: window.now } } }),
    db.slaNotice.findMany({
      where: { kind: 'breach', createdAt: { gte: window.since } },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { conversationId: true, targetKind: true, dueAt: true, conversation: { select: { subject: true } } },
    }),
  ]);
  const count = (kind: string) => notices.find((row) => row.kind === kind)?._count._all ?? 0;
  return {
    breaches: count('breach'),
    reminders: count('reminder'),
    owing,
    overdueNow,
    recent: recent.map((row) => ({ conversationId: row.conversationId, subject: row.conversation.subject, kind: row.targetKind, dueAt: row.dueAt })),
  };
}
