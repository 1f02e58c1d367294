import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { AWAITING_REPLY_STATUSES, noticesDue, responseDue, type SlaNoticeKind, type SlaTargetKind } from '../../core/sla/response-due';
import { getSlaPolicy } from '../settings/sla-settings';
import { appendEvent } from '../timeline/append-event';
import type { PublishSlaEvent } from './publish-sla-event';

export interface SweepSlaInput {
  now: Date;
  publish: PublishSlaEvent;
}

export interface SweepSlaResult {
  /** Conversations owing a reply. */
  open: number;
  reminders: number;
  breaches: number;
}

const awaiting = [...AWAITING_REPLY_STATUSES];

/**
 * One SLA pass: recomputes every waiting conversation's due time from the settings in force
 * (so a change reaches running conversations), claims each reminder or breach that is due
 * (a unique row per conversation, target and kind: once, however often the sweep runs), and
 * publishes claimed notices not yet published.
 */
export async function sweepSla(input: SweepSlaInput, db: Db = getDb()): Promise<SweepSlaResult> {
  const policy = await getSlaPolicy(db);
  const conversations = await db.conversation.findMany({
    where: { status: { in: awaiting } },
    select: { id: true, status: true, priority: true, mailboxId: true, createdAt: true },
  });
  const ids = conversations.map((conversation) => conversation.id);
  const [inbound, replies] = await Promise.all([
    db.message.groupBy({ by: ['conversationId'], where: { conversationId: { in: ids }, direction: 'inbound' }, _min: { createdAt: true }, _max: { createdAt: true } }),
    db.outboundSend.groupBy({ by: ['conversationId'], where: { conversationId: { in: ids }, status: 'sent' }, _max: { sentAt: true } }),
  ]);
  const inboundBy = new Map(inbound.map((row) => [row.conversationId, row]));
  const replyBy = new Map(replies.map((row) => [row.conversationId, row._max.sentAt]));

  const owing = new Set<string>();
  const claimed = { reminder: 0, breach: 0 };
  for (const conversation of conversations) {
    const messages = inboundBy.get(conversation.id);
    const due = responseDue(
      {
        status: conversation.status,
        priority: conversation.priority,
        mailboxId: conversation.mailboxId,
        firstInboundAt: messages?._min.createdAt ?? conversation.createdAt,
        lastInboundAt: messages?._max.createdAt ?? conversation.createdAt,
        lastReplyAt: replyBy.get(conversation.id) ?? null,
      },
      policy,
    );
    if (!due) continue;
    owing.add(conversation.id);
    const row = { kind: due.kind, targetKey: due.key, since: due.since, remindAt: due.remindAt, dueAt: due.dueAt };
    await db.conversationSla.upsert({ where: { conversationId: conversation.id }, create: { conversationId: conversation.id, ...row }, update: row });
    for (const kind of noticesDue(due, input.now)) {
      if (await claimNotice(db, { conversationId: conversation.id, targetKey: due.key, targetKind: due.kind, kind, dueAt: due.dueAt ?? input.now })) claimed[kind] += 1;
    }
  }
  await db.conversationSla.deleteMany({ where: { conversationId: { notIn: [...owing] } } });
  await publishPending(db, input.publish);
  return { open: owing.size, reminders: claimed.reminder, breaches: claimed.breach };
}

interface NoticeClaim {
  conversationId: string;
  targetKey: string;
  targetKind: SlaTargetKind;
  kind: SlaNoticeKind;
  dueAt: Date;
}

/** True when this sweep made the claim; an existing row means an earlier one did. */
async function claimNotice(db: Db, claim: NoticeClaim): Promise<boolean> {
  const { count } = await db.slaNotice.createMany({ data: [claim], skipDuplicates: true });
  // On the conversation's timeline too (once per key), where the agent reads the story.
  await appendEvent(
    {
      conversationId: claim.conversationId,
      key: `sla:${claim.targetKey}:${claim.kind}`,
      type: 'sla_notice',
      data: { kind: claim.kind, target: claim.targetKind, dueAt: claim.dueAt.toISOString() },
    },
    db,
  );
  return count === 1;
}

/** Publishes claimed notices, oldest first; one that fails stays pending for the next sweep. */
async function publishPending(db: Db, publish: PublishSlaEvent): Promise<void> {
  const pending = await db.slaNotice.findMany({
    where: { publishedAt: null },
    orderBy: { createdAt: 'asc' },
    take: 200,
    include: { conversation: { select: { subject: true, customerEmail: true, status: true } } },
  });
  for (const notice of pending) {
    await publish({
      kind: notice.kind as SlaNoticeKind,
      target: notice.targetKind as SlaTargetKind,
      targetKey: notice.targetKey,
      conversationId: notice.conversationId,
      subject: notice.conversation.subject,
      customerEmail: notice.conversation.customerEmail,
      status: notice.conversation.status,
      dueAt: notice.dueAt,
    });
    await db.slaNotice.update({ where: { id: notice.id }, data: { publishedAt: new Date() } });
  }
}
