import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { namesOf } from './list-team';

export interface NoteView {
  id: string;
  authorName: string;
  body: string;
  mentionedNames: string[];
  createdAt: Date;
}

/** A conversation's notes, oldest first (a thread among colleagues). */
export async function listNotes(conversationId: string, db: DbClient = getDb()): Promise<NoteView[]> {
  const notes = await db.conversationNote.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const names = await namesOf(notes.flatMap((note) => [note.authorId, ...note.mentionedUserIds]), db);
  return notes.map((note) => ({
    id: note.id,
    authorName: names.get(note.authorId) ?? 'Someone',
    body: note.body,
    mentionedNames: note.mentionedUserIds.map((id) => names.get(id) ?? 'someone'),
    createdAt: note.createdAt,
  }));
}
