import type { DbClient } from '../../platform/db/client';

const MAX_NOTES = 10;
const MAX_CHARS = 2_000;

/**
 * The newest notes on a conversation, oldest first, for a revision's prompt: the team's
 * guidance (draft-prompt.ts's TEAM_NOTES_TEMPLATE), bounded so notes cannot crowd out the thread.
 */
export async function notesForPrompt(conversationId: string, db: DbClient): Promise<{ author: string; body: string }[]> {
  const notes = await db.conversationNote.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: MAX_NOTES });
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(notes.map((note) => note.authorId))] } }, select: { id: true, name: true } });
  const names = new Map(authors.map((author) => [author.id, author.name]));
  return notes.reverse().map((note) => ({ author: names.get(note.authorId) ?? 'An agent', body: note.body.slice(0, MAX_CHARS) }));
}
