import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { NotFoundError } from '../../core/errors';
import type { ConversationDetail } from './detail-types';
import { readTextList } from './json-fields';
import { toClassificationView, toDraftView, toLlmCallView, toSendView, toThreadMessage, toTimelineItem } from './to-views';
import { toShadowView } from './to-shadow-view';

export type * from './detail-types';

/**
 * The conversation page's data: thread, latest classification, drafts, timeline, decisions
 * and model calls with cost. Reads the mirror only; the workflow is never queried here.
 */
export async function getConversationDetailOrThrow(id: string, db: DbClient = getDb()): Promise<ConversationDetail> {
  const row = await db.conversation.findUnique({
    where: { id },
    include: {
      // Raw MIME can be megabytes and the page never shows it.
      messages: { omit: { rawMime: true }, orderBy: [{ sentAt: 'asc' }, { createdAt: 'asc' }] },
      classifications: { orderBy: { createdAt: 'desc' }, take: 1 },
      drafts: { orderBy: { version: 'desc' } },
      decisions: { orderBy: { createdAt: 'asc' } },
      llmCalls: { orderBy: { createdAt: 'asc' } },
      sends: { orderBy: { draftVersion: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] },
      participants: { orderBy: { createdAt: 'asc' } },
      shadows: { orderBy: { draftVersion: 'desc' } },
      attachments: { where: { messageId: { not: null } }, orderBy: { createdAt: 'asc' } },
      mailbox: { select: { id: true, address: true, displayName: true } },
    },
  });
  if (!row) throw new NotFoundError('Conversation', id);
  const claimedIds = [...new Set(row.messages.flatMap((message) => readTextList(message.claimedConversations)))];
  const claimed = claimedIds.length
    ? await db.conversation.findMany({ where: { id: { in: claimedIds } }, select: { id: true, subject: true, customerEmail: true } })
    : [];
  const claimedById = new Map(claimed.map((conversation) => [conversation.id, conversation]));

  const drafts = row.drafts.map(toDraftView);
  const currentDraft = drafts.find((draft) => draft.id === row.currentDraftId) ?? drafts[0] ?? null;
  const llmCalls = row.llmCalls.map(toLlmCallView);
  const actorIds = new Set([
    ...[...row.decisions, ...row.events].flatMap((item) => (item.actorId ? [item.actorId] : [])),
    ...row.shadows.flatMap((shadow) => (shadow.reviewedBy ? [shadow.reviewedBy] : [])),
  ]);
  const users = actorIds.size
    ? await db.user.findMany({ where: { id: { in: [...actorIds] } }, select: { id: true, name: true } })
    : [];

  return {
    conversation: {
      id: row.id,
      subject: row.subject,
      customerEmail: row.customerEmail,
      customerName: row.customerName,
      customerAddress: row.customerAddress,
      senderVerified: row.senderVerified,
      participants: row.participants.map((participant) => participant.address),
      mailbox: row.mailbox,
      status: row.status,
      statusReason: row.statusReason,
      category: row.category,
      tags: row.tags,
      priority: row.priority,
      riskScore: row.riskScore,
      injectionSuspected: row.injectionSuspected,
      slaDueAt: row.slaDueAt,
      holdUntil: row.holdUntil,
      lastMessageAt: row.lastMessageAt,
      createdAt: row.createdAt,
      messageCount: row.messageCount,
      costUsd: row.costUsd,
    },
    messages: row.messages.map((message) =>
      toThreadMessage(
        message,
        claimedById,
        row.attachments.filter((attachment) => attachment.messageId === message.id),
      ),
    ),
    classification: row.classifications[0] ? toClassificationView(row.classifications[0]) : null,
    currentDraft,
    drafts,
    timeline: row.events.map(toTimelineItem),
    decisions: row.decisions.map((decision) => ({
      id: decision.id,
      draftVersion: decision.draftVersion,
      kind: decision.kind,
      actorType: decision.actorType,
      actorId: decision.actorId,
      reasons: readTextList(decision.reasons),
      editDistance: decision.editDistance,
      note: decision.note,
      createdAt: decision.createdAt,
    })),
    llmCalls,
    sends: row.sends.map(toSendView),
    usage: {
      costUsd: llmCalls.reduce((sum, call) => sum + call.costUsd, 0),
      promptTokens: llmCalls.reduce((sum, call) => sum + call.promptTokens, 0),
      outputTokens: llmCalls.reduce((sum, call) => sum + call.outputTokens, 0),
      calls: llmCalls.length,
    },
    people: Object.fromEntries(users.map((user) => [user.id, user.name])),
    shadows: row.shadows.map(toShadowView),
  };
}
