import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import type { PresentPerson } from '../../core/team/presence';
import { listNotes, type NoteView } from './list-notes';
import { listPresence } from './list-presence';
import { listTeam, namesOf, type TeamMember } from './list-team';

export interface ConversationTeam {
  assignee: { id: string; name: string } | null;
  /** Colleagues on the conversation now; the viewer is left out (their other tabs too). */
  others: PresentPerson[];
  notes: NoteView[];
  members: TeamMember[];
}

/** The team side of a conversation page: owner, who else is here, notes, who can be assigned. */
export async function getConversationTeam(conversationId: string, viewerId: string, db: DbClient = getDb()): Promise<ConversationTeam> {
  const [row, presence, notes, members] = await Promise.all([
    db.conversation.findUnique({ where: { id: conversationId }, select: { assigneeId: true } }),
    listPresence([conversationId], db),
    listNotes(conversationId, db),
    listTeam(db),
  ]);
  const assigneeId = row?.assigneeId ?? null;
  const names = assigneeId ? await namesOf([assigneeId], db) : new Map<string, string>();
  return {
    assignee: assigneeId ? { id: assigneeId, name: names.get(assigneeId) ?? 'Someone' } : null,
    others: (presence.get(conversationId) ?? []).filter((person) => person.userId !== viewerId),
    notes,
    members,
  };
}
