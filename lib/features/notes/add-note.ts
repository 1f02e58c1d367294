import { getDb, type Db } from '../../platform/db';
import { mentionTokens, resolveMentions, type MentionCandidate } from '../../core/team/mentions';
import { isRole } from '../../core/roles';
import { notify, type NotifyDeps } from '../notifications/notify';
import { NoteError } from './note-error';
import type { AddNoteInput } from './note-schema';

export interface AddedNote {
  id: string;
  mentioned: MentionCandidate[];
}

/**
 * Leaves a note for the team on a conversation. Every @mention must name exactly one enabled
 * person, or nothing is saved and the message says which mention failed. The people
 * mentioned are then notified. Notes never go to the customer.
 */
export async function addNote(input: AddNoteInput & { authorId: string }, db: Db = getDb(), deps?: Partial<NotifyDeps>): Promise<AddedNote> {
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true } });
  if (!conversation) throw new NoteError('This conversation no longer exists; the note was not saved.');
  const tokens = mentionTokens(input.body);
  let mentioned: MentionCandidate[] = [];
  if (tokens.length > 0) {
    const team = await db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, email: true, role: true }, orderBy: { createdAt: 'asc' } });
    const resolved = resolveMentions(tokens, team.filter((user) => isRole(user.role)));
    if (!resolved.ok) throw new NoteError(resolved.message);
    mentioned = resolved.people;
  }
  const note = await db.conversationNote.create({
    data: { conversationId: input.conversationId, authorId: input.authorId, body: input.body, mentionedUserIds: mentioned.map((person) => person.id) },
  });
  if (mentioned.length > 0) {
    await notify(
      { kind: 'mention', conversationId: input.conversationId, noteId: note.id, authorId: input.authorId, mentionedUserIds: note.mentionedUserIds, excerpt: input.body.slice(0, 300) },
      { db, ...deps },
    );
  }
  return { id: note.id, mentioned };
}
