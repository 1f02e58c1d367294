import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

export interface KnowledgeGap {
  conversationId: string;
  subject: string;
  category: string | null;
  draftVersion: number;
  at: Date;
  /** nothing_retrieved | nothing_cited | rewritten */
  kind: 'nothing_retrieved' | 'nothing_cited' | 'rewritten';
  /** For a rewrite: the share of the draft the agent changed (0-1). */
  rewritten?: number;
}

/** An edit that changed at least this share of the draft's characters counts as a rewrite. */
const REWRITE_SHARE = 0.5;

/**
 * Questions the knowledge base did not answer, newest first: model drafts that were given no
 * passage, drafts that cited none of what they were given, and drafts agents rewrote most
 * before sending. Each is a candidate for a missing or unclear article.
 */
export async function listKnowledgeGaps(input: { days?: number; limit?: number } = {}, db: DbClient = getDb()): Promise<KnowledgeGap[]> {
  const since = new Date(Date.now() - (input.days ?? 30) * 86_400_000);
  const limit = input.limit ?? 100;
  const drafts = await db.draft.findMany({
    where: { origin: 'model', createdAt: { gte: since }, status: { not: 'unusable' }, OR: [{ passages: { none: {} } }, { passages: { none: { cited: true } } }] },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { conversationId: true, version: true, createdAt: true, _count: { select: { passages: true } }, conversation: { select: { subject: true, category: true } } },
  });
  const edits = await db.decision.findMany({
    where: { kind: 'edit_approve', createdAt: { gte: since }, editDistance: { not: null } },
    orderBy: { createdAt: 'desc' },
    take: limit * 4,
    select: { conversationId: true, draftVersion: true, editDistance: true, createdAt: true },
  });
  const rewritten: KnowledgeGap[] = [];
  for (const edit of edits) {
    const draft = await db.draft.findUnique({
      where: { conversationId_version: { conversationId: edit.conversationId, version: edit.draftVersion } },
      select: { aiBody: true, conversation: { select: { subject: true, category: true } } },
    });
    const share = draft && draft.aiBody.length > 0 ? (edit.editDistance ?? 0) / draft.aiBody.length : 0;
    if (draft && share >= REWRITE_SHARE) {
      rewritten.push({ conversationId: edit.conversationId, subject: draft.conversation.subject, category: draft.conversation.category, draftVersion: edit.draftVersion, at: edit.createdAt, kind: 'rewritten', rewritten: Math.min(1, share) });
    }
  }
  const unanswered: KnowledgeGap[] = drafts.map((draft) => ({
    conversationId: draft.conversationId,
    subject: draft.conversation.subject,
    category: draft.conversation.category,
    draftVersion: draft.version,
    at: draft.createdAt,
    kind: draft._count.passages === 0 ? 'nothing_retrieved' : 'nothing_cited',
  }));
  return [...unanswered, ...rewritten].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
