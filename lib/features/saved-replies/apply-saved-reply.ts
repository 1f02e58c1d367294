import { getDb, type Db } from '../../platform/db';
import { renderSavedReply } from '../../core/saved-replies/render-saved-reply';
import { savedReplyValues } from './saved-reply-values';
import { SavedReplyError } from './saved-reply-error';

export type AppliedSavedReply = { ok: true; text: string } | { ok: false; message: string };

/**
 * A saved reply rendered for one conversation and agent, counted as used; a variable with no
 * value (or an unknown one) is named in the message and nothing is inserted or counted.
 */
export async function applySavedReply(input: { id: string; conversationId: string; agentName: string }, db: Db = getDb()): Promise<AppliedSavedReply> {
  const reply = await db.savedReply.findUnique({ where: { id: input.id }, select: { body: true, archivedAt: true } });
  if (!reply || reply.archivedAt) throw new SavedReplyError('That saved reply is no longer offered.');
  const rendered = renderSavedReply(reply.body, await savedReplyValues(input, db));
  if (!rendered.ok) return { ok: false, message: rendered.message };
  await db.savedReply.update({ where: { id: input.id }, data: { useCount: { increment: 1 }, lastUsedAt: new Date() } });
  return { ok: true, text: rendered.text };
}
